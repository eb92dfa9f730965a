package org.chatserver.kafka.inbound;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RetryBackoffTest {

    private final RetryBackoff backoff = new RetryBackoff(Duration.ofMillis(200), Duration.ofMillis(30_000));

    @Test
    void doublesFromTheInitialDelayUpToTheMaximum() {
        List<Long> delays = IntStream.rangeClosed(1, 10)
                .mapToObj(failures -> backoff.delayAfter(failures).toMillis())
                .toList();

        assertEquals(List.of(200L, 400L, 800L, 1_600L, 3_200L, 6_400L, 12_800L, 25_600L, 30_000L, 30_000L), delays);
    }

    @Test
    void staysAtTheMaximumForeverWithoutOverflowing() {
        assertEquals(Duration.ofMillis(30_000), backoff.delayAfter(Integer.MAX_VALUE));
        RetryBackoff largest = new RetryBackoff(Duration.ofMillis(Integer.MAX_VALUE), Duration.ofDays(365));
        assertEquals(Duration.ofDays(365), largest.delayAfter(1_000));
    }

    @Test
    void rejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> backoff.delayAfter(0));
        assertThrows(IllegalArgumentException.class, () -> new RetryBackoff(Duration.ZERO, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class,
                () -> new RetryBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)));
    }
}
