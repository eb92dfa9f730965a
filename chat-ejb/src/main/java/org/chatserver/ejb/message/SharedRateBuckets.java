package org.chatserver.ejb.message;

/**
 * Token buckets shared by every node of the cluster, so that a user's send rate is counted once however its
 * connections are spread. Implemented over Redis ({@code org.chatserver.ejb.redis}); the rule is the one of
 * {@link TokenBucket}: {@code ratePerSecond} tokens refill continuously up to {@code burst}, each send takes one.
 * Implementations are thread-safe.
 */
public interface SharedRateBuckets {

    /**
     * Takes up to {@code wanted} whole tokens from the bucket named {@code key}, a new bucket starting full.
     *
     * @return how many it took, from 0 (the send is refused) to {@code wanted}
     * @throws RuntimeException when the shared store cannot be reached; the caller then counts locally
     */
    int take(String key, double ratePerSecond, int burst, int wanted);
}
