package org.chatserver.ejb.message;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.chatserver.ejb.identity.Identity;
import org.chatserver.ejb.problem.ChatProblem;
import org.chatserver.ejb.problem.ProblemCode;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The send rate limit of PROTOCOL.md: per user (workspace, user id), {@code chat.rate.sends-per-second} (20) with
 * bursts of {@code chat.rate.burst} (50), over REST and WebSocket alike. Checked before any database work, so a
 * flood costs the shards nothing.
 *
 * <p>The buckets live on each node: a user whose connections are spread over several nodes can send that much on
 * each (load balancers keep a user's connections sticky in practice). Buckets that are full again carry no state and
 * are dropped now and then, so memory follows the number of active senders. Thread-safe.
 */
@ApplicationScoped
public class SendRateLimiter {

    /** How many checks pass between two sweeps of idle buckets. */
    private static final long SWEEP_EVERY = 10_000;

    private final Map<Identity, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong checks = new AtomicLong();

    @Inject
    @ConfigProperty(name = "chat.rate.sends-per-second")
    double sendsPerSecond;

    @Inject
    @ConfigProperty(name = "chat.rate.burst")
    int burst;

    /**
     * Takes one send from {@code sender}'s allowance.
     *
     * @throws ChatProblem {@code rate_limited} when the allowance is used up
     */
    public void acquire(Identity sender) {
        long now = System.nanoTime();
        if (checks.incrementAndGet() % SWEEP_EVERY == 0) {
            buckets.entrySet().removeIf(entry -> {
                synchronized (entry.getValue()) {
                    return entry.getValue().isFull(now);
                }
            });
        }
        Identity key = new Identity(sender.workspace(), sender.user(), null);
        TokenBucket bucket = buckets.computeIfAbsent(key, k -> new TokenBucket(sendsPerSecond, burst, now));
        boolean accepted;
        synchronized (bucket) {
            accepted = bucket.tryTake(now);
        }
        if (!accepted) {
            throw new ChatProblem(ProblemCode.RATE_LIMITED,
                    "over " + (int) sendsPerSecond + " sends per second; slow down");
        }
    }
}
