package org.chatserver.ejb.message;

/**
 * A token bucket: {@code ratePerSecond} tokens refill continuously up to {@code burst}; each accepted event takes one.
 * Time comes from the caller (nanoseconds from any fixed origin), so the rule is testable without waiting.
 * Not thread-safe: callers synchronize on the bucket.
 */
final class TokenBucket {

    private static final double NANOS_PER_SECOND = 1_000_000_000d;

    private final double ratePerSecond;
    private final double burst;
    private double tokens;
    private long lastRefillNanos;

    TokenBucket(double ratePerSecond, int burst, long nowNanos) {
        this.ratePerSecond = ratePerSecond;
        this.burst = burst;
        this.tokens = burst;
        this.lastRefillNanos = nowNanos;
    }

    /** Takes a token if there is one at {@code nowNanos}; answers whether the event is accepted. */
    boolean tryTake(long nowNanos) {
        refill(nowNanos);
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    /** Whether the bucket is full at {@code nowNanos}: it then carries no state worth keeping. */
    boolean isFull(long nowNanos) {
        refill(nowNanos);
        return tokens >= burst;
    }

    private void refill(long nowNanos) {
        long elapsed = nowNanos - lastRefillNanos;
        if (elapsed > 0) {
            tokens = Math.min(burst, tokens + elapsed / NANOS_PER_SECOND * ratePerSecond);
            lastRefillNanos = nowNanos;
        }
    }
}
