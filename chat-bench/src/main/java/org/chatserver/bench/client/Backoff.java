package org.chatserver.bench.client;

import java.util.random.RandomGenerator;

/**
 * PROTOCOL.md's reconnect delay: 0.5 s doubling per failed attempt up to 30 s, each delay jittered by ±50 %
 * (uniformly in [0.5, 1.5) times the nominal delay). Stateless; thread-safe if the random generator is.
 */
public final class Backoff {

    /** First nominal delay, milliseconds. */
    public static final long INITIAL_MILLIS = 500;
    /** Largest nominal delay, milliseconds. */
    public static final long MAX_MILLIS = 30_000;

    private final RandomGenerator random;

    public Backoff(RandomGenerator random) {
        this.random = random;
    }

    /**
     * @param attempt 0 for the first reconnect attempt after a drop, 1 after one failed attempt, ...
     * @return the nominal (unjittered) delay before that attempt
     */
    public static long nominalMillis(int attempt) {
        long delay = INITIAL_MILLIS;
        for (int i = 0; i < attempt && delay < MAX_MILLIS; i++) {
            delay *= 2;
        }
        return Math.min(delay, MAX_MILLIS);
    }

    /** @return the jittered delay before the given attempt, in [0.5, 1.5) times {@link #nominalMillis} */
    public long delayMillis(int attempt) {
        return Math.round(nominalMillis(attempt) * (0.5 + random.nextDouble()));
    }
}
