package org.chatserver.ejb.redis;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.chatserver.ejb.config.ChatConfig;
import org.chatserver.ejb.fanout.FanoutPositions;
import org.redisson.api.BatchOptions;
import org.redisson.api.RBatch;

/**
 * Fan-out positions as Redis strings ({@code chat:fanned:<channel>}), expiring after a week without traffic: a quiet
 * channel's position is not worth keeping (its next message fills at most a bounded gap).
 *
 * <p>Written behind: a save is kept on the node and written with every other channel's within
 * {@code chat.fanout.position-save-ms}, in one pipelined batch, so a busy channel costs Redis one write per interval
 * rather than one per message (profiling showed the per-message write as a third of the fan-out's Redis work). A node
 * that dies loses at most that interval of positions; the node that takes its partitions over then repeats those
 * messages, which clients drop by {@code seq}. A node that stops writes what it kept. Thread-safe.
 */
@ApplicationScoped
public class RedisFanoutPositions implements FanoutPositions {

    private static final Logger LOG = Logger.getLogger(RedisFanoutPositions.class.getName());
    private static final String POSITIONS = RedisConnection.KEY_PREFIX + "fanned:";
    private static final Duration KEEP = Duration.ofDays(7);

    @Inject
    RedisConnection redis;

    @Inject
    ChatConfig config;

    @Resource
    ManagedScheduledExecutorService scheduler;

    /** Positions saved on this node and not yet written, per channel. */
    private final ConcurrentMap<String, Long> unwritten = new ConcurrentHashMap<>();

    /** Whether a write of {@link #unwritten} is scheduled; at most one is. */
    private final AtomicBoolean writeScheduled = new AtomicBoolean();

    @Override
    public OptionalLong load(String channel) {
        Long kept = unwritten.get(channel);
        if (kept != null) {
            return OptionalLong.of(kept);
        }
        String stored = redis.client().<String>getBucket(POSITIONS + channel).get();
        return stored == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(stored));
    }

    @Override
    public void save(String channel, long seq) {
        unwritten.merge(channel, seq, Math::max);
        if (writeScheduled.compareAndSet(false, true)) {
            try {
                scheduler.schedule(this::writeKept, config.fanoutPositionSaveMs(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopping) {
                writeScheduled.set(false);
                writeKept();
            }
        }
    }

    /** Writes every kept position in one batch; a position saved meanwhile schedules the next write. */
    private void writeKept() {
        writeScheduled.set(false);
        if (unwritten.isEmpty()) {
            return;
        }
        RBatch batch = redis.client().createBatch(BatchOptions.defaults());
        for (Map.Entry<String, Long> kept : unwritten.entrySet()) {
            batch.<String>getBucket(POSITIONS + kept.getKey()).setAsync(Long.toString(kept.getValue()), KEEP);
            // Only if unchanged: a newer save stays kept for the next write.
            unwritten.remove(kept.getKey(), kept.getValue());
        }
        batch.executeAsync().whenComplete((done, failure) -> {
            if (failure != null) {
                LOG.log(Level.FINE, "Fan-out positions not written; a takeover repeats some frames", failure);
            }
        });
    }

    @PreDestroy
    void writeOnStop() {
        writeKept();
    }
}
