package org.chatserver.kafka.inbound;

import jakarta.resource.spi.UnavailableException;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The life of one Kafka consumer of an endpoint: subscribe, poll, deliver each record in order, retry a failed record
 * after a backoff while the other partitions keep flowing, commit what was processed, and on the way out commit once
 * more and leave the group. The delivery contract it implements is in the package documentation.
 *
 * <p>Not thread-safe: {@link #run()} and everything it calls (rebalance callbacks included) happen on the
 * consumer's own thread; only {@link #wakeup()} may be called from another thread.
 */
final class ConsumerSession {

    private static final Logger LOG = Logger.getLogger(ConsumerSession.class.getName());

    /**
     * Leaving the group on close hands the partitions to another member at once instead of after the session
     * timeout; bounded so that unreachable brokers cannot hold up undeployment for long.
     */
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private final KafkaActivationSpec spec;
    private final Supplier<? extends Consumer<String, String>> consumerFactory;
    private final RecordDispatcher dispatcher;
    private final BooleanSupplier stopRequested;
    private final RetryBackoff retryBackoff;
    private final Duration pollTimeout;
    private final long commitIntervalNanos;
    /** {@link System#nanoTime()} of the last commit while consuming; starts as if one had just been made. */
    private long lastCommitNanos = System.nanoTime();
    private final AssignedPartitions partitions = new AssignedPartitions();
    private volatile Consumer<String, String> consumer;
    private boolean polled;

    /**
     * @param spec what to consume
     * @param consumerFactory creates the consumer, configured from {@code spec}
     * @param dispatcher where to deliver
     * @param stopRequested tells whether the endpoint is being deactivated; checked between records and polls
     */
    ConsumerSession(KafkaActivationSpec spec, Supplier<? extends Consumer<String, String>> consumerFactory,
            RecordDispatcher dispatcher, BooleanSupplier stopRequested) {
        this.spec = spec;
        this.consumerFactory = consumerFactory;
        this.dispatcher = dispatcher;
        this.stopRequested = stopRequested;
        this.retryBackoff = spec.retryBackoff();
        this.pollTimeout = spec.pollTimeout();
        this.commitIntervalNanos = spec.commitInterval().toNanos();
    }

    /**
     * Creates the consumer, then polls and delivers until a stop is requested; commits and closes the consumer
     * however it ends.
     *
     * @throws KafkaException if the consumer cannot be created or fails in a way retrying a call cannot fix
     */
    void run() {
        consumer = consumerFactory.get();
        try {
            consumer.subscribe(spec.topicList(), new CommitOnRevoke());
            pollUntilStopped();
        } finally {
            commitBeforeClose();
            consumer.close(CloseOptions.timeout(CLOSE_TIMEOUT));
        }
    }

    /** Makes a blocking consumer call return at once, so that a stop request is seen promptly. Any thread. */
    void wakeup() {
        Consumer<String, String> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    /** @return whether a poll succeeded, i.e. this session got as far as consuming */
    boolean hasPolled() {
        return polled;
    }

    private void pollUntilStopped() {
        try {
            while (!stopRequested.getAsBoolean()) {
                resumeDuePartitions();
                ConsumerRecords<String, String> records = consumer.poll(nextPollTimeout());
                polled = true;
                deliver(records);
                commitProcessedWhenDue();
            }
        } catch (WakeupException e) {
            // Only a stop request wakes the consumer up; the commit before close follows.
        }
    }

    private void deliver(ConsumerRecords<String, String> records) {
        for (TopicPartition partition : records.partitions()) {
            PartitionProgress progress = partitions.of(partition);
            for (ConsumerRecord<String, String> record : records.records(partition)) {
                if (stopRequested.getAsBoolean() || !deliver(partition, progress, record)) {
                    break;
                }
            }
        }
    }

    /** @return whether the record was processed; if not, its partition is paused and rewound to it */
    private boolean deliver(TopicPartition partition, PartitionProgress progress,
            ConsumerRecord<String, String> record) {
        int earlierFailures = progress.failuresOf(record.offset());
        try {
            dispatcher.deliver(new KafkaTextMessage(record, earlierFailures > 0));
        } catch (UnavailableException | RuntimeException e) {
            scheduleRetry(partition, progress, record.offset(), e);
            return false;
        }
        progress.processed(record.offset());
        if (earlierFailures > 0) {
            LOG.info(() -> "Delivered " + partition + " offset " + record.offset() + " for " + spec + " after "
                    + earlierFailures + " failed attempts");
        }
        return true;
    }

    /**
     * Pauses the partition and rewinds it to the failed record, so that polling goes on (keeping the group
     * membership and the other partitions flowing) while this partition waits out its backoff.
     */
    private void scheduleRetry(TopicPartition partition, PartitionProgress progress, long offset, Exception failure) {
        Duration delay = progress.failed(offset, System.nanoTime(), retryBackoff);
        consumer.pause(List.of(partition));
        consumer.seek(partition, offset);
        int failures = progress.failuresOf(offset);
        String message = "Delivery of " + partition + " offset " + offset + " for " + spec + " failed (attempt "
                + failures + "); retrying in " + delay.toMillis() + " ms";
        if (failures == 1) {
            LOG.log(Level.WARNING, message, failure);
        } else {
            // The stack trace was logged on the first failure; repeating it every retry would flood the log.
            LOG.warning(message + ": " + failure);
        }
    }

    private void resumeDuePartitions() {
        List<TopicPartition> due = partitions.takeDueForResume(System.nanoTime());
        if (!due.isEmpty()) {
            consumer.resume(due);
        }
    }

    /** The configured poll timeout, shortened so that a partition due for its retry is not kept waiting. */
    private Duration nextPollTimeout() {
        long nanosUntilResume = partitions.nanosUntilNextResume(System.nanoTime());
        return nanosUntilResume < pollTimeout.toNanos() ? Duration.ofNanos(nanosUntilResume) : pollTimeout;
    }

    /** Commits what was processed once the commit interval has passed since the last commit while consuming. */
    private void commitProcessedWhenDue() {
        long now = System.nanoTime();
        if (now - lastCommitNanos >= commitIntervalNanos) {
            lastCommitNanos = now;
            commitProcessed();
        }
    }

    private void commitProcessed() {
        commit(partitions.offsetsToCommit());
    }

    private void commit(Map<TopicPartition, OffsetAndMetadata> offsets) {
        if (offsets.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(offsets);
            partitions.committed(offsets);
        } catch (CommitFailedException | RebalanceInProgressException | TimeoutException e) {
            // Still uncommitted, so retried after the next poll; if the partitions moved meanwhile, their new
            // owner redelivers from the last committed offset (at-least-once, never a skipped record).
            LOG.warning(() -> "Could not commit " + offsets + " for " + spec + ": " + e);
        }
    }

    /** Best effort: what stays uncommitted is redelivered by the partition's next owner. */
    private void commitBeforeClose() {
        try {
            try {
                commitProcessed();
            } catch (WakeupException e) {
                // The stop request's one wakeup can land after the loop ended; it fails only one blocking call.
                commitProcessed();
            }
        } catch (KafkaException e) {
            LOG.log(Level.WARNING, "Could not commit processed offsets for " + spec + " before closing", e);
        }
    }

    /** Commits what was processed of partitions taken away, before their new owner starts from that offset. */
    private final class CommitOnRevoke implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
            try {
                commit(partitions.offsetsToCommit(revoked));
            } finally {
                partitions.remove(revoked);
            }
            if (!revoked.isEmpty()) {
                LOG.info(() -> "Partitions " + revoked + " revoked from " + spec);
            }
        }

        /** Nothing to do: the consumer starts each assigned partition at its committed offset. */
        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
            if (!assigned.isEmpty()) {
                LOG.info(() -> "Partitions " + assigned + " assigned to " + spec);
            }
        }

        /** Lost partitions already have a new owner, so committing for them would fail; just forget them. */
        @Override
        public void onPartitionsLost(Collection<TopicPartition> lost) {
            partitions.remove(lost);
            LOG.warning(() -> "Partitions " + lost + " lost by " + spec + "; their new owner redelivers what was "
                    + "processed since the last commit");
        }
    }
}
