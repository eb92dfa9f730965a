package org.chatserver.ejb.message;

/**
 * Send tokens a node took from a user's shared bucket ({@link SharedRateBuckets}) in one call, to spend locally until
 * they run out or the lease expires.
 *
 * <p>Contract: every token spent here was taken from the shared bucket first, so a user never gets more than the
 * cluster-wide rate however its connections are spread; a lease only makes the limit stricter, by the tokens it holds
 * unspent (at most {@link #tokensFor} of them), for at most its lifetime. Unspent tokens of an expired lease are
 * forgotten, not given back: they are a fraction of a second of refill. Time comes from the caller (nanoseconds from
 * any fixed origin), so the rule is testable without waiting. Not thread-safe: callers synchronize on the lease.
 */
final class RateLease {

    /** At most this fraction of a user's burst is held unspent by one node. */
    private static final int BURST_SHARE = 10;

    private int tokens;
    private long expiresNanos;

    /** A lease holding nothing. */
    RateLease() {
    }

    /**
     * How many tokens to ask for at once: {@code preferred}, but no more than a tenth of the burst and at least one.
     * A small burst thus leases one token at a time, which is the shared bucket's own rule.
     */
    static int tokensFor(int preferred, int burst) {
        return Math.max(1, Math.min(preferred, burst / BURST_SHARE));
    }

    /** Spends a token of this lease if it holds one at {@code nowNanos}; answers whether it did. */
    boolean trySpend(long nowNanos) {
        if (tokens == 0 || nowNanos - expiresNanos >= 0) {
            tokens = 0;
            return false;
        }
        tokens--;
        return true;
    }

    /**
     * Adds {@code granted} tokens taken from the shared bucket, and makes the lease valid for {@code lifeNanos} from
     * now. Tokens it still holds are kept, so two sends that asked the shared bucket at once lose none of their grants
     * (a burst stays a burst); an expired lease's tokens are gone.
     */
    void add(int granted, long nowNanos, long lifeNanos) {
        if (nowNanos - expiresNanos >= 0) {
            tokens = 0;
        }
        tokens += granted;
        expiresNanos = nowNanos + lifeNanos;
    }

    /** Whether the lease holds nothing worth keeping at {@code nowNanos}. */
    boolean isSpent(long nowNanos) {
        return tokens == 0 || nowNanos - expiresNanos >= 0;
    }
}
