package org.chatserver.bench.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void nominalDelayDoublesFromHalfASecondUpToThirtySeconds() {
        assertEquals(500, Backoff.nominalMillis(0));
        assertEquals(1000, Backoff.nominalMillis(1));
        assertEquals(16_000, Backoff.nominalMillis(5));
        assertEquals(30_000, Backoff.nominalMillis(6));
        assertEquals(30_000, Backoff.nominalMillis(1000));
    }

    @Test
    void jitterStaysWithinPlusMinusFiftyPercentAndSpreads() {
        Backoff backoff = new Backoff(new Random(1));
        long min = Long.MAX_VALUE;
        long max = 0;
        for (int i = 0; i < 10_000; i++) {
            long d = backoff.delayMillis(3);
            assertTrue(d >= 2000 && d <= 6000, "delay " + d);
            min = Math.min(min, d);
            max = Math.max(max, d);
        }
        assertTrue(min < 2100 && max > 5900, "spread " + min + ".." + max);
    }
}
