package org.chatserver.ejb.redis;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
    private static final Duration STOP_WRITE_WAIT = Duration.ofSeconds(5);

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
                scheduler.schedule(() -> writeKept(), config.fanoutPositionSaveMs(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopping) {
                writeScheduled.set(false);
                writeKept();
            }
        }
    }

    /**
     * Writes every kept position in one batch, and forgets the written ones unless a newer save came meanwhile. What
     * could not be written stays kept, for the next write.
     */
    private CompletionStage<?> writeKept() {
        writeScheduled.set(false);
        Map<String, Long> kept = Map.copyOf(unwritten);
        if (kept.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        RBatch batch = redis.client().createBatch(BatchOptions.defaults());
        kept.forEach((channel, seq) -> batch.<String>getBucket(POSITIONS + channel).setAsync(Long.toString(seq), KEEP));
        return batch.executeAsync().whenComplete((done, failure) -> {
            if (failure == null) {
                kept.forEach(unwritten::remove);
            } else {
                LOG.log(Level.FINE, "Fan-out positions not written yet; kept for the next write", failure);
            }
        });
    }

    /** Writes what is kept before the node goes, waiting a bounded time: Redis may be down too. */
    @PreDestroy
    void writeOnStop() {
        try {
            writeKept().toCompletableFuture().get(STOP_WRITE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.log(Level.WARNING, "Fan-out positions not written before the stop; the next node repeats some frames",
                    e);
        }
    }
}
