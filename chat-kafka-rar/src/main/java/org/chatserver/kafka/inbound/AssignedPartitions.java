package org.chatserver.kafka.inbound;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The {@link PartitionProgress} of every partition the consumer owns, and the questions the poll loop asks across
 * them: which offsets to commit, which paused partitions to resume, how long until the next resume.
 *
 * <p>Not thread-safe: owned by the thread of one consumer of an endpoint (rebalance callbacks run on it too).
 */
final class AssignedPartitions {

    private final Map<TopicPartition, PartitionProgress> progress = new HashMap<>();

    /** @return the progress of {@code partition}, starting fresh when first seen */
    PartitionProgress of(TopicPartition partition) {
        return progress.computeIfAbsent(partition, unused -> new PartitionProgress());
    }

    /** @return the processed but uncommitted offsets of all partitions */
    Map<TopicPartition, OffsetAndMetadata> offsetsToCommit() {
        return offsetsToCommit(progress.keySet());
    }

    /** @return the processed but uncommitted offsets of those of {@code partitions} this consumer tracks */
    Map<TopicPartition, OffsetAndMetadata> offsetsToCommit(Collection<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : partitions) {
            PartitionProgress partitionProgress = progress.get(partition);
            OptionalLong offset = partitionProgress == null ? OptionalLong.empty() : partitionProgress.offsetToCommit();
            offset.ifPresent(value -> offsets.put(partition, new OffsetAndMetadata(value)));
        }
        return offsets;
    }

    /** Records that {@code offsets} (as returned by {@link #offsetsToCommit()}) were committed. */
    void committed(Map<TopicPartition, OffsetAndMetadata> offsets) {
        offsets.forEach((partition, offset) -> {
            PartitionProgress partitionProgress = progress.get(partition);
            if (partitionProgress != null) {
                partitionProgress.committed(offset.offset());
            }
        });
    }

    /** Forgets partitions no longer owned: a later owner starts from the committed offset. */
    void remove(Collection<TopicPartition> partitions) {
        partitions.forEach(progress::remove);
    }

    /** @return the partitions whose retry backoff has ended, now marked resumed; the caller resumes the consumer */
    List<TopicPartition> takeDueForResume(long nowNanos) {
        List<TopicPartition> due = new ArrayList<>();
        progress.forEach((partition, partitionProgress) -> {
            if (partitionProgress.isResumeDue(nowNanos)) {
                partitionProgress.resumed();
                due.add(partition);
            }
        });
        return due;
    }

    /** @return nanoseconds until the first paused partition is due for resume; {@code Long.MAX_VALUE} if none */
    long nanosUntilNextResume(long nowNanos) {
        return progress.values().stream()
                .filter(PartitionProgress::isPausedForRetry)
                .mapToLong(partitionProgress -> partitionProgress.nanosUntilResume(nowNanos))
                .min()
                .orElse(Long.MAX_VALUE);
    }
}
