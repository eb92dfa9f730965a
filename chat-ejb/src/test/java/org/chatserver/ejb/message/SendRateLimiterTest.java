package org.chatserver.ejb.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.chatserver.ejb.config.ChatConfig;
import org.chatserver.ejb.identity.Identity;
import org.chatserver.ejb.problem.ChatProblem;
import org.chatserver.ejb.problem.ProblemCode;
import org.junit.jupiter.api.Test;

class SendRateLimiterTest {

    private static final int BURST = 50;
    private static final int LEASE = 5;
    private static final Identity ALICE = new Identity("acme", "alice", "Alice");

    private final AtomicInteger sharedCalls = new AtomicInteger();

    @Test
    void theSharedBucketDecidesWhileRedisAnswers() {
        SendRateLimiter limiter = limiter((key, rate, burst, wanted) -> {
            sharedCalls.incrementAndGet();
            return 0;
        });

        ChatProblem refused = assertThrows(ChatProblem.class, () -> limiter.acquire(ALICE));
        assertEquals(ProblemCode.RATE_LIMITED, refused.code());
    }

    @Test
    void redisDownFailsOpenToALocalBucketAndIsNotAskedAgainAtOnce() {
        SendRateLimiter limiter = limiter((key, rate, burst, wanted) -> {
            sharedCalls.incrementAndGet();
            throw new IllegalStateException("Redis down");
        });

        for (int i = 0; i < BURST; i++) {
            limiter.acquire(ALICE);
        }
        assertThrows(ChatProblem.class, () -> limiter.acquire(ALICE), "the local bucket keeps the rate");
        assertEquals(1, sharedCalls.get(), "one failed call, then local counting for the fallback interval");
    }

    @Test
    void usersOfTwoWorkspacesNeverShareABucket() {
        Set<String> keys = new HashSet<>();
        SendRateLimiter limiter = limiter((key, rate, burst, wanted) -> {
            keys.add(key);
            return 1;
        });

        limiter.acquire(new Identity("a:b", "c", null));
        limiter.acquire(new Identity("a", "b:c", null));

        assertEquals(2, keys.size(), keys.toString());
    }

    @Test
    void aSteadySenderAsksTheSharedBucketOncePerLeaseAndNeverSpendsMoreThanItGranted() {
        AtomicInteger taken = new AtomicInteger();
        SendRateLimiter limiter = limiter((key, rate, burst, wanted) -> {
            sharedCalls.incrementAndGet();
            int granted = Math.min(wanted, BURST - taken.get());
            taken.addAndGet(granted);
            return granted;
        });

        for (int i = 0; i < BURST; i++) {
            limiter.acquire(ALICE);
        }
        assertEquals(BURST / LEASE, sharedCalls.get(), "one shared call per " + LEASE + " sends");
        assertThrows(ChatProblem.class, () -> limiter.acquire(ALICE), "nothing beyond what the bucket granted");
    }

    @Test
    void aUserSendingOnManyConnectionsAtOnceGetsTheWholeBurstAndNoMore() throws Exception {
        AtomicInteger taken = new AtomicInteger();
        SendRateLimiter limiter = limiter((key, rate, burst, wanted) -> {
            synchronized (taken) {
                int granted = Math.min(wanted, BURST - taken.get());
                taken.addAndGet(granted);
                return granted;
            }
        });
        int threads = 8;
        AtomicInteger accepted = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService connections = Executors.newFixedThreadPool(threads);
        try {
            for (int t = 0; t < threads; t++) {
                connections.submit(() -> {
                    start.await();
                    for (int i = 0; i < BURST; i++) {
                        try {
                            limiter.acquire(ALICE);
                            accepted.incrementAndGet();
                        } catch (ChatProblem refused) {
                            // over the rate: counted by what was accepted
                        }
                    }
                    return null;
                });
            }
            start.countDown();
        } finally {
            connections.shutdown();
            assertTrue(connections.awaitTermination(10, TimeUnit.SECONDS));
        }
        assertEquals(BURST, accepted.get(), "every token the bucket granted is spent, none twice");
    }

    private static SendRateLimiter limiter(SharedRateBuckets shared) {
        SendRateLimiter limiter = new SendRateLimiter();
        limiter.shared = shared;
        limiter.config = new ChatConfig() {
            @Override
            public double sendsPerSecond() {
                return 20;
            }

            @Override
            public int sendBurst() {
                return BURST;
            }

            @Override
            public long rateLocalFallbackMs() {
                return 60_000;
            }

            @Override
            public int rateLeaseTokens() {
                return LEASE;
            }

            @Override
            public long rateLeaseMs() {
                return 60_000;
            }
        };
        return limiter;
    }
}
