package org.chatserver.ejb.fanout;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the fan-out of each channel stands: the last {@code seq} it delivered.
 *
 * <p>Kafka may hand the fan-out a channel's messages out of {@code seq} order (two nodes publish after their commits
 * race; the outbox sweep republishes) or twice. The sequencer turns that into exactly the next messages in order:
 * a repeat is dropped, a message after a gap asks for the missing ones (they are committed: {@code seq} is assigned
 * under the channel's row lock) to be delivered first. A channel not seen since start-up starts at the first message.
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

    public FanoutSequencer(int capacity) {
        this.lastDelivered = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Decides about message {@code seq} of {@code channel}; a Deliver or FillGap records it as delivered. */
    public synchronized Admission admit(String channel, long seq) {
        Long last = lastDelivered.get(channel);
        if (last != null && seq <= last) {
            return new Drop();
        }
        lastDelivered.put(channel, seq);
        if (last == null || seq == last + 1) {
            return new Deliver();
        }
        return new FillGap(last);
    }
}
