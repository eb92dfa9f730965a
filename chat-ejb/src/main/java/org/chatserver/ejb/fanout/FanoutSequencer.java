package org.chatserver.ejb.fanout;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * Where the fan-out of each channel stands: the last {@code seq} it delivered.
 *
 * <p>Kafka may hand the fan-out a channel's messages out of {@code seq} order (publications after two commits race;
 * the outbox sweep republishes) or twice. The sequencer turns that into exactly the next messages in order: a repeat
 * is dropped, a message after a gap asks for the missing ones to be delivered first (they are committed: {@code seq}
 * is assigned under the channel's row lock).
 *
 * <p>A channel this node has not seen since it started (or took over the partition) starts from its stored position
 * ({@link FanoutPositions}), or from 0 when none is stored (a new channel, or Redis lost it). A gap found that way is
 * filled with at most {@code maxFill} messages: after a loss of positions, old messages are sent again only that far
 * back (clients drop a {@code seq} they have; anything older they sync).
 *
 * <p>Remembers at most {@code capacity} channels, least recently used first out. Thread-safe (synchronized: one
 * partition's records arrive one at a time, so contention is low).
 */
public final class FanoutSequencer {

    /** What to do with a message. */
    public sealed interface Admission {
    }

    /** Deliver it now. */
    public record Deliver() implements Admission {
    }

    /** Already delivered: drop it. */
    public record Drop() implements Admission {
    }

    /** Deliver the messages with {@code afterSeq < seq < message's seq} first, then it. */
    public record FillGap(long afterSeq) implements Admission {
    }

    private final Map<String, Long> lastDelivered;
    private final long maxFill;

    public FanoutSequencer(int capacity, long maxFill) {
        this.maxFill = maxFill;
        this.lastDelivered = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
                return size() > capacity;
            }
        };
    }

    /**
     * Decides about message {@code seq} of {@code channel}; a Deliver or FillGap records it as delivered.
     *
     * @param storedPosition where the channel's fan-out stood, for a channel not in memory
     */
    public synchronized Admission admit(String channel, long seq, Function<String, OptionalLong> storedPosition) {
        Long known = lastDelivered.get(channel);
        long last = known != null ? known : storedPosition.apply(channel).orElse(0);
        if (seq <= last) {
            lastDelivered.put(channel, last);
            return new Drop();
        }
        lastDelivered.put(channel, seq);
        if (seq == last + 1) {
            return new Deliver();
        }
        return new FillGap(Math.max(last, seq - 1 - maxFill));
    }
}
