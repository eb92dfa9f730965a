package org.chatserver.kafka.inbound;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A {@link MockConsumer} that behaves like a consumer of real partition logs where it matters for the delivery
 * contract: each poll returns the records at or after the position of every assigned, unpaused partition (so a seek
 * back redelivers), a wakeup fails the next poll or commit, and a commit failure can be injected.
 */
final class LogBackedConsumer extends MockConsumer<String, String> {

    private final Map<TopicPartition, List<ConsumerRecord<String, String>>> logs = new HashMap<>();
    private final List<Map<TopicPartition, OffsetAndMetadata>> commits = new ArrayList<>();
    private boolean wakeupPending;
    private KafkaException nextCommitFailure;

    LogBackedConsumer() {
        super("earliest");
    }

    /** Assigns {@code partitions}, all starting at offset 0, on the first poll, as a group join would. */
    synchronized LogBackedConsumer assignOnFirstPoll(List<TopicPartition> partitions) {
        Map<TopicPartition, Long> beginnings = new HashMap<>();
        partitions.forEach(partition -> beginnings.put(partition, 0L));
        updateBeginningOffsets(beginnings);
        schedulePollTask(() -> rebalance(partitions));
        return this;
    }

    /** Appends records with the given values to a partition's log. */
    synchronized LogBackedConsumer append(TopicPartition partition, String... values) {
        List<ConsumerRecord<String, String>> log = logs.computeIfAbsent(partition, unused -> new ArrayList<>());
        for (String value : values) {
            log.add(new ConsumerRecord<>(partition.topic(), partition.partition(), log.size(), "key-" + value, value));
        }
        return this;
    }

    /** Makes the next commit fail with {@code failure}. */
    synchronized void failNextCommit(KafkaException failure) {
        nextCommitFailure = failure;
    }

    /** Runs {@code task} at the start of the next poll, e.g. a rebalance. */
    synchronized void beforeNextPoll(Consumer<LogBackedConsumer> task) {
        schedulePollTask(() -> task.accept(this));
    }

    /** @return the last offset committed for {@code partition}, -1 if none; readable after close too */
    synchronized long committedOffset(TopicPartition partition) {
        long offset = -1;
        for (Map<TopicPartition, OffsetAndMetadata> commit : commits) {
            if (commit.containsKey(partition)) {
                offset = commit.get(partition).offset();
            }
        }
        return offset;
    }

    synchronized List<Map<TopicPartition, OffsetAndMetadata>> commits() {
        return List.copyOf(commits);
    }

    /** MockConsumer forgets the records it returned; put back everything at or after each position, as a log would. */
    @Override
    public synchronized ConsumerRecords<String, String> poll(Duration timeout) {
        takeWakeup();
        for (TopicPartition partition : assignment()) {
            if (!paused().contains(partition)) {
                long position = position(partition);
                logs.getOrDefault(partition, List.of()).stream()
                        .filter(record -> record.offset() >= position)
                        .forEach(this::addRecord);
            }
        }
        return super.poll(timeout);
    }

    @Override
    public synchronized void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
        takeWakeup();
        if (nextCommitFailure != null) {
            KafkaException failure = nextCommitFailure;
            nextCommitFailure = null;
            throw failure;
        }
        commits.add(Map.copyOf(offsets));
        super.commitSync(offsets);
    }

    @Override
    public synchronized void wakeup() {
        wakeupPending = true;
    }

    private void takeWakeup() {
        if (wakeupPending) {
            wakeupPending = false;
            throw new WakeupException();
        }
    }
}
