package org.chatserver.kafka.inbound;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AssignedPartitionsTest {

    private static final TopicPartition P0 = new TopicPartition("t", 0);
    private static final TopicPartition P1 = new TopicPartition("t", 1);
    private static final TopicPartition P2 = new TopicPartition("t", 2);
    private static final RetryBackoff BACKOFF = new RetryBackoff(Duration.ofMillis(100), Duration.ofMillis(400));
    private static final long MILLI = Duration.ofMillis(1).toNanos();

    private final AssignedPartitions partitions = new AssignedPartitions();

    @Test
    void commitsOnlyProcessedAndNotYetCommittedOffsets() {
        partitions.of(P0).processed(3);
        partitions.of(P1).processed(0);
        partitions.of(P2).failed(0, 0, BACKOFF);

        Map<TopicPartition, OffsetAndMetadata> offsets = partitions.offsetsToCommit();
        assertEquals(Map.of(P0, new OffsetAndMetadata(4), P1, new OffsetAndMetadata(1)), offsets);

        partitions.committed(offsets);
        assertTrue(partitions.offsetsToCommit().isEmpty());
    }

    @Test
    void commitsTheRevokedPartitionsOnlyAndThenForgetsThem() {
        partitions.of(P0).processed(3);
        partitions.of(P1).processed(8);

        assertEquals(Map.of(P1, new OffsetAndMetadata(9)), partitions.offsetsToCommit(List.of(P1, P2)));

        partitions.remove(List.of(P1));
        assertEquals(Map.of(P0, new OffsetAndMetadata(4)), partitions.offsetsToCommit());
    }

    @Test
    void resumesPartitionsWhoseBackoffEnded() {
        long now = 0;
        partitions.of(P0).failed(5, now, BACKOFF);
        partitions.of(P1).failed(7, now, BACKOFF);
        partitions.of(P1).failed(7, now, BACKOFF);

        assertEquals(100 * MILLI, partitions.nanosUntilNextResume(now));
        assertEquals(List.of(), partitions.takeDueForResume(now + 99 * MILLI));
        assertEquals(List.of(P0), partitions.takeDueForResume(now + 100 * MILLI));
        assertEquals(List.of(), partitions.takeDueForResume(now + 100 * MILLI));
        assertEquals(100 * MILLI, partitions.nanosUntilNextResume(now + 100 * MILLI));
        assertEquals(List.of(P1), partitions.takeDueForResume(now + 200 * MILLI));
        assertEquals(Long.MAX_VALUE, partitions.nanosUntilNextResume(now + 200 * MILLI));
    }
}
