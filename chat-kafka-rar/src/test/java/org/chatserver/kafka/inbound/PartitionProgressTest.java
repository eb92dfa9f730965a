package org.chatserver.kafka.inbound;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PartitionProgressTest {

    private static final RetryBackoff BACKOFF = new RetryBackoff(Duration.ofMillis(100), Duration.ofMillis(400));
    private static final long MILLI = Duration.ofMillis(1).toNanos();

    private final PartitionProgress progress = new PartitionProgress();

    @Test
    void hasNothingToCommitBeforeAnyRecordWasProcessed() {
        assertEquals(OptionalLong.empty(), progress.offsetToCommit());
    }

    @Test
    void commitsTheOffsetAfterTheLastProcessedRecordOnce() {
        progress.processed(7);
        progress.processed(9); // offsets may have gaps (compaction, transaction markers)

        assertEquals(OptionalLong.of(10), progress.offsetToCommit());
        progress.committed(10);
        assertEquals(OptionalLong.empty(), progress.offsetToCommit());
    }

    @Test
    void aFailedRecordDoesNotAdvanceTheCommittableOffset() {
        progress.processed(4);
        progress.failed(5, 0, BACKOFF);
        progress.failed(5, 0, BACKOFF);

        assertEquals(OptionalLong.of(5), progress.offsetToCommit());
        assertEquals(2, progress.failuresOf(5));
        assertEquals(0, progress.failuresOf(6));
    }

    @Test
    void refusesToGoBackwards() {
        progress.processed(5);

        assertThrows(IllegalStateException.class, () -> progress.processed(5));
        assertThrows(IllegalStateException.class, () -> progress.processed(3));
    }

    @Test
    void backsOffExponentiallyAndResumesWhenTheDelayEnded() {
        long now = 1_000 * MILLI;

        assertEquals(Duration.ofMillis(100), progress.failed(5, now, BACKOFF));
        assertTrue(progress.isPausedForRetry());
        assertFalse(progress.isResumeDue(now + 99 * MILLI));
        assertEquals(MILLI, progress.nanosUntilResume(now + 99 * MILLI));
        assertTrue(progress.isResumeDue(now + 100 * MILLI));

        progress.resumed();
        assertFalse(progress.isPausedForRetry());
        assertEquals(Duration.ofMillis(200), progress.failed(5, now, BACKOFF));
        assertEquals(Duration.ofMillis(400), progress.failed(5, now, BACKOFF));
        assertEquals(Duration.ofMillis(400), progress.failed(5, now, BACKOFF));
    }

    @Test
    void successResetsTheRetryState() {
        progress.failed(5, 0, BACKOFF);
        progress.failed(5, 0, BACKOFF);
        progress.resumed();
        progress.processed(5);

        assertEquals(0, progress.failuresOf(5));
        assertEquals(Duration.ofMillis(100), progress.failed(6, 0, BACKOFF));
    }

    @Test
    void worksAcrossTheNanoTimeWrapAround() {
        long now = Long.MAX_VALUE - 10 * MILLI;

        progress.failed(5, now, BACKOFF);

        assertFalse(progress.isResumeDue(now + 50 * MILLI));
        assertTrue(progress.isResumeDue(now + 100 * MILLI));
    }
}
