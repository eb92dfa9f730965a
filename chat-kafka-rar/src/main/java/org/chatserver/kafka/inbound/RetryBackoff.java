package org.chatserver.kafka.inbound;

import java.time.Duration;

/**
 * Exponential backoff: the first retry waits {@code initial}, each further one twice as long, never more than
 * {@code max}. Immutable and thread-safe.
 *
 * @param initial delay after the first failure; positive
 * @param max the longest delay; at least {@code initial}
 */
record RetryBackoff(Duration initial, Duration max) {

    /**
     * Doublings beyond this cannot matter: any positive delay doubled 30 times exceeds 12 days, and the bound keeps
     * the shift below overflow for any initial delay that fits an {@code int} of milliseconds.
     */
    private static final int MAX_DOUBLINGS = 30;

    RetryBackoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("Need 0 < initial <= max, got " + initial + " and " + max);
        }
    }

    /**
     * @param failures how many times in a row the operation failed; at least 1
     * @return how long to wait before the next attempt
     */
    Duration delayAfter(int failures) {
        if (failures < 1) {
            throw new IllegalArgumentException("failures must be at least 1, got " + failures);
        }
        int doublings = Math.min(failures - 1, MAX_DOUBLINGS);
        long delayMillis = Math.min(initial.toMillis() << doublings, max.toMillis());
        return Duration.ofMillis(delayMillis);
    }
}
