package org.chatserver.kafka.inbound;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * Delivery bookkeeping of one assigned partition: how far records were processed (the endpoint returned normally
 * for them and for every earlier record), how much of that is committed, and the retry state of a failing record.
 *
 * <p>Offsets in Kafka are not contiguous (compaction, transaction markers), so progress is "the offset after the
 * last processed record", which is exactly the offset to commit. Times are {@link System#nanoTime()} readings,
 * passed in so that the logic is testable without waiting.
 *
 * <p>Not thread-safe: owned by the thread of one consumer of an endpoint.
 */
final class PartitionProgress {

    private static final long NONE = -1;

    private long nextOffset = NONE;
    private long committedOffset = NONE;
    private long failedOffset = NONE;
    private int failures;
    private boolean pausedForRetry;
    private long resumeAtNanos;

    /**
     * Records that the endpoint returned normally for the record at {@code offset}.
     *
     * @throws IllegalStateException if a record at or after this offset was already processed: delivery is in order
     */
    void processed(long offset) {
        if (offset < nextOffset) {
            throw new IllegalStateException("Offset " + offset + " is before the next offset " + nextOffset);
        }
        nextOffset = offset + 1;
        failedOffset = NONE;
        failures = 0;
    }

    /**
     * Records that delivering the record at {@code offset} failed and enters the backoff before its retry.
     *
     * @return how long to wait before retrying the same record
     */
    Duration failed(long offset, long nowNanos, RetryBackoff backoff) {
        if (offset != failedOffset) {
            failedOffset = offset;
            failures = 0;
        }
        failures++;
        Duration delay = backoff.delayAfter(failures);
        pausedForRetry = true;
        resumeAtNanos = nowNanos + delay.toNanos();
        return delay;
    }

    /** @return how many deliveries of the record at {@code offset} failed so far; 0 for a first delivery */
    int failuresOf(long offset) {
        return offset == failedOffset ? failures : 0;
    }

    boolean isPausedForRetry() {
        return pausedForRetry;
    }

    boolean isResumeDue(long nowNanos) {
        return pausedForRetry && nowNanos - resumeAtNanos >= 0;
    }

    /** @return nanoseconds until the retry backoff ends; 0 if it has ended */
    long nanosUntilResume(long nowNanos) {
        return Math.max(0, resumeAtNanos - nowNanos);
    }

    void resumed() {
        pausedForRetry = false;
    }

    /** @return the offset to commit (the one after the last processed record), if not committed already */
    OptionalLong offsetToCommit() {
        return nextOffset != NONE && nextOffset != committedOffset ? OptionalLong.of(nextOffset) : OptionalLong.empty();
    }

    void committed(long offset) {
        committedOffset = offset;
    }
}
