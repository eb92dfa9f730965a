package org.chatserver.ejb.message;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aFullBucketAcceptsABurstThenRefuses() {
        TokenBucket bucket = new TokenBucket(20, 50, 0);
        for (int i = 0; i < 50; i++) {
            assertTrue(bucket.tryTake(0), "send " + i + " of the burst");
        }
        assertFalse(bucket.tryTake(0));
    }

    @Test
    void tokensComeBackAtTheRate() {
        TokenBucket bucket = new TokenBucket(20, 50, 0);
        for (int i = 0; i < 50; i++) {
            bucket.tryTake(0);
        }
        assertFalse(bucket.tryTake(SECOND / 40), "half a token after 25 ms");
        assertTrue(bucket.tryTake(SECOND / 20), "one token after 50 ms");
        assertFalse(bucket.tryTake(SECOND / 20));
    }

    @Test
    void neverHoldsMoreThanTheBurst() {
        TokenBucket bucket = new TokenBucket(20, 50, 0);
        assertTrue(bucket.isFull(3600 * SECOND));
        for (int i = 0; i < 50; i++) {
            assertTrue(bucket.tryTake(3600 * SECOND));
        }
        assertFalse(bucket.tryTake(3600 * SECOND));
    }
}
