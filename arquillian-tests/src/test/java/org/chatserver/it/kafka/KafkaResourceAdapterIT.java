package org.chatserver.it.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.chatserver.it.kafka.RecordingEndpointFactory.Delivery;
import org.chatserver.it.support.TestStack;
import org.chatserver.kafka.api.KafkaConnection;
import org.chatserver.kafka.api.KafkaConnectionFactory;
import org.chatserver.kafka.inbound.KafkaActivationSpec;
import org.chatserver.kafka.inbound.KafkaResourceAdapter;
import org.chatserver.kafka.outbound.KafkaManagedConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The inbound delivery contract of our Kafka resource adapter ({@code org.chatserver.kafka.inbound}), against the
 * integration phase's real broker ({@link TestStack#kafkaBootstrap()}):
 * <ul>
 *   <li>each partition's records reach the endpoint in offset order, and {@code onMessage} calls never overlap;</li>
 *   <li>with several consumers per endpoint, partitions are delivered in parallel, each still in offset order and
 *       one record at a time;</li>
 *   <li>the consumer group's committed offset of a partition never passes a record the endpoint keeps failing, while
 *       the other partitions flow and are committed;</li>
 *   <li>a failed record is retried after a doubling backoff, flagged as redelivered, until it is processed; the
 *       records after it in its partition wait, and none is skipped;</li>
 *   <li>an endpoint deactivated and activated again with the same group resumes where it stopped: nothing is lost
 *       and nothing delivered twice.</li>
 * </ul>
 *
 * <p>The adapter runs in this JVM on stand-ins for the container; records are published through its own outbound
 * connection factory, and committed offsets are read with an admin client, as an operator would. Each test has its
 * own topic ({@value #PARTITIONS} partitions) and consumer group.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class KafkaResourceAdapterIT {

    private static final int PARTITIONS = 3;
    private static final int RETRY_BACKOFF_MS = 50;
    private static final int RETRY_BACKOFF_MAX_MS = 400;

    /** Bounds every wait on the broker or the adapter; a consumer group's first join alone takes seconds. */
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(20);

    private static final Comparator<TopicRecord> BY_POSITION =
            Comparator.comparingInt(TopicRecord::partition).thenComparingLong(TopicRecord::offset);

    private static Admin admin;

    private final String topic = "it-kafka-ra-" + UUID.randomUUID();
    private final KafkaResourceAdapter adapter = new KafkaResourceAdapter();
    private int published;
    private KafkaConnectionFactory connections;

    @BeforeAll
    static void connectAdmin() {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.kafkaBootstrap()));
    }

    @AfterAll
    static void closeAdmin() {
        admin.close(PATIENCE);
    }

    @BeforeEach
    void startAdapterOnAFreshTopic() throws Exception {
        admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all()
                .get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        adapter.start(new WorkManagerOnlyContext(new ThreadPerWorkManager()));
        KafkaManagedConnectionFactory managedConnections = new KafkaManagedConnectionFactory();
        managedConnections.setBootstrapServers(TestStack.kafkaBootstrap());
        managedConnections.setResourceAdapter(adapter);
        connections = (KafkaConnectionFactory) managedConnections.createConnectionFactory();
    }

    /** Stopping the adapter deactivates what a test left active and closes the producer. */
    @AfterEach
    void stopAdapterAndDeleteTopic() throws Exception {
        adapter.stop();
        admin.deleteTopics(List.of(topic)).all().get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    }

    @Test
    void deliversEachPartitionInOffsetOrderOneRecordAtATime() throws Exception {
        RecordingEndpointFactory endpoint = new RecordingEndpointFactory(takingMillis(1));

        consumeEveryPartitionInOrder(endpoint, spec(newGroupId()), 5);

        assertEquals(1, endpoint.mostConcurrentDeliveries(), "onMessage calls of one endpoint never overlap");
    }

    @Test
    void severalConsumersSplitThePartitionsAndDeliverThemInParallelEachInOffsetOrder() throws Exception {
        RecordingEndpointFactory endpoint = new RecordingEndpointFactory(takingMillis(10));
        String groupId = newGroupId();
        KafkaActivationSpec spec = spec(groupId);
        spec.setConsumers(PARTITIONS);
        adapter.endpointActivation(endpoint, spec);
        await("each of the endpoint's consumers holds a partition",
                () -> consumersHoldingPartitions(groupId) == PARTITIONS);

        List<TopicRecord> sent = publish(keys("conversation", 12), 10);

        await("every record is processed", () -> endpoint.processed().size() >= sent.size());
        assertEachPartitionOnceInOrder(sent, endpoint.processed());
        assertEquals(1, endpoint.mostConcurrentDeliveriesInAPartition(), "a partition's records never overlap");
        assertTrue(endpoint.mostConcurrentDeliveries() > 1, "different partitions are delivered at the same time");
    }

    /**
     * Publishes {@code perKey} records for each of 12 keys, activates {@code spec}, publishes as many again while
     * it consumes, and checks that every partition's records were processed once each, in offset order.
     */
    private void consumeEveryPartitionInOrder(RecordingEndpointFactory endpoint, KafkaActivationSpec spec, int perKey)
            throws Exception {
        List<String> keys = keys("conversation", 12);
        List<TopicRecord> sent = new ArrayList<>(publish(keys, perKey));
        spec.setMaxPollRecords(7); // so that the records of each partition span many polls
        adapter.endpointActivation(endpoint, spec);
        sent.addAll(publish(keys, perKey)); // and some arrive while the endpoint is consuming

        assertEquals(PARTITIONS, endOffsets(sent).size(), "precondition: the keys spread over every partition");
        await("every record is processed", () -> endpoint.processed().size() >= sent.size());
        assertEachPartitionOnceInOrder(sent, endpoint.processed());
    }

    private static void assertEachPartitionOnceInOrder(List<TopicRecord> sent, List<TopicRecord> processed) {
        for (int partition = 0; partition < PARTITIONS; partition++) {
            assertEquals(inPartition(sent, partition), inPartition(processed, partition),
                    "partition " + partition + ": each record once, in offset order, with its topic, key and value");
        }
    }

    /** @return how many members of the consumer group have partitions of this test's topic assigned */
    private long consumersHoldingPartitions(String groupId) throws Exception {
        ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(groupId)).describedGroups().get(groupId)
                .get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        return group.members().stream().filter(member -> member.assignment().topicPartitions().stream()
                .anyMatch(partition -> partition.topic().equals(topic))).count();
    }

    @Test
    void committedOffsetNeverPassesARecordTheEndpointKeepsFailing() throws Exception {
        List<TopicRecord> stuckKey = publish(List.of("stuck"), 5);
        TopicRecord failing = stuckKey.get(2);
        List<TopicRecord> others = publish(keys("other", 6), 3);
        List<TopicRecord> inOtherPartitions = others.stream()
                .filter(record -> record.partition() != failing.partition())
                .toList();
        assertEquals(PARTITIONS - 1, endOffsets(inOtherPartitions).size(),
                "precondition: the other keys reach every other partition");
        AtomicBoolean beanFails = new AtomicBoolean(true);
        RecordingEndpointFactory endpoint = new RecordingEndpointFactory(record -> {
            if (beanFails.get() && record.equals(failing)) {
                throw new IllegalStateException("the bean fails on " + record);
            }
        });
        String groupId = newGroupId();
        adapter.endpointActivation(endpoint, spec(groupId));

        Map<Integer, Long> whileFailing = new HashMap<>(endOffsets(inOtherPartitions));
        whileFailing.put(failing.partition(), failing.offset());
        await("the other partitions and the records before the failing one are committed",
                () -> committedOffsetsNotPast(failing, groupId).equals(whileFailing));
        long failedSoFar = endpoint.failedAttempts(failing);
        await("two more failed attempts, each followed by a poll and a commit",
                () -> endpoint.failedAttempts(failing) >= failedSoFar + 2);
        assertEquals(whileFailing, committedOffsetsNotPast(failing, groupId),
                "while the record keeps failing, the commits stay at it");

        beanFails.set(false);
        Map<Integer, Long> everything = endOffsets(concat(stuckKey, others));
        await("once the record is processed, its partition is committed to its end",
                () -> committedOffsets(groupId).equals(everything));
    }

    @Test
    void failedRecordIsRetriedAfterBackoffAndDeliveredBeforeTheRecordsAfterIt() throws Exception {
        List<TopicRecord> sent = publish(List.of("flaky"), 6);
        TopicRecord flaky = sent.get(2);
        int failures = 3;
        AtomicInteger failuresLeft = new AtomicInteger(failures);
        RecordingEndpointFactory endpoint = new RecordingEndpointFactory(record -> {
            if (record.equals(flaky) && failuresLeft.getAndDecrement() > 0) {
                throw new IllegalStateException("the bean fails on " + record);
            }
        });
        adapter.endpointActivation(endpoint, spec(newGroupId()));

        await("every record is processed", () -> endpoint.processed().size() >= sent.size());
        List<String> expected = new ArrayList<>();
        for (TopicRecord record : sent) {
            expected.add(attempt(record, false, !record.equals(flaky)));
            if (record.equals(flaky)) {
                IntStream.range(1, failures).forEach(retry -> expected.add(attempt(record, true, false)));
                expected.add(attempt(record, true, true));
            }
        }
        List<Delivery> deliveries = endpoint.deliveries();
        assertEquals(expected, deliveries.stream()
                        .map(delivery -> attempt(delivery.record(), delivery.redelivered(), delivery.succeeded()))
                        .toList(),
                "the failed record is retried, flagged as redelivered, until processed; the records after it wait");

        List<Long> attemptsStarted = deliveries.stream()
                .filter(delivery -> delivery.record().equals(flaky))
                .map(Delivery::startedNanos)
                .toList();
        for (int failure = 1; failure <= failures; failure++) {
            Duration backoff = Duration.ofMillis(Math.min(RETRY_BACKOFF_MS << (failure - 1), RETRY_BACKOFF_MAX_MS));
            Duration waited = Duration.ofNanos(attemptsStarted.get(failure) - attemptsStarted.get(failure - 1));
            assertTrue(waited.compareTo(backoff) >= 0,
                    "attempt " + (failure + 1) + " came " + waited.toMillis() + " ms after the previous one, before "
                            + "the backoff of " + backoff.toMillis() + " ms");
        }
    }

    @Test
    void reactivationWithTheSameGroupResumesFromTheCommittedOffsets() throws Exception {
        List<String> keys = keys("conversation", 6);
        List<TopicRecord> beforeDeactivation = publish(keys, 15);
        String groupId = newGroupId();
        RecordingEndpointFactory first = new RecordingEndpointFactory(takingMillis(10));
        KafkaActivationSpec firstSpec = spec(groupId);
        adapter.endpointActivation(first, firstSpec);
        await("the first endpoint processed 20 records", () -> first.processed().size() >= 20);

        adapter.endpointDeactivation(first, firstSpec);
        List<TopicRecord> processedByFirst = first.processed();
        assertTrue(processedByFirst.size() < beforeDeactivation.size(),
                "precondition: deactivated while records were still waiting");
        assertEquals(endOffsets(processedByFirst), committedOffsets(groupId),
                "deactivation returns once exactly what was processed is committed");

        List<TopicRecord> whileDeactivated = publish(keys, 5);
        List<TopicRecord> all = concat(beforeDeactivation, whileDeactivated);
        List<TopicRecord> rest = all.stream().filter(record -> !processedByFirst.contains(record)).toList();
        RecordingEndpointFactory second = new RecordingEndpointFactory(record -> { });
        adapter.endpointActivation(second, spec(groupId));
        await("the second endpoint processed the rest", () -> second.processed().containsAll(rest));

        assertEquals(processedByFirst, first.processed(), "nothing reached the first endpoint after its deactivation");
        List<TopicRecord> processedBySecond = second.processed();
        for (int partition = 0; partition < PARTITIONS; partition++) {
            // A deactivation commits everything processed, so at-least-once leaves nothing to redeliver here.
            assertEquals(inPartition(all, partition),
                    concat(inPartition(processedByFirst, partition), inPartition(processedBySecond, partition)),
                    "partition " + partition + ": the second activation resumed right after the first one's last "
                            + "record, nothing lost, nothing twice");
        }
    }

    private KafkaActivationSpec spec(String groupId) {
        KafkaActivationSpec spec = new KafkaActivationSpec();
        spec.setBootstrapServers(TestStack.kafkaBootstrap());
        spec.setTopics(topic);
        spec.setGroupId(groupId);
        spec.setRetryBackoffMs(RETRY_BACKOFF_MS);
        spec.setRetryBackoffMaxMs(RETRY_BACKOFF_MAX_MS);
        return spec;
    }

    private static String newGroupId() {
        return "it-" + UUID.randomUUID();
    }

    private static List<String> keys(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> prefix + "-" + i).toList();
    }

    /** A bean that spends {@code millis} on each record, which gives overlapping or late deliveries a chance. */
    private static Consumer<TopicRecord> takingMillis(long millis) {
        return record -> LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(millis));
    }

    /**
     * Publishes {@code perKey} records for each key, keys interleaved, and waits until the broker has them all.
     *
     * @return the records, ordered by partition and offset
     */
    private List<TopicRecord> publish(List<String> keys, int perKey) throws Exception {
        List<CompletableFuture<TopicRecord>> sends = new ArrayList<>();
        try (KafkaConnection connection = connections.getConnection()) {
            for (int round = 0; round < perKey; round++) {
                for (String key : keys) {
                    String value = key + "#" + ++published;
                    sends.add(connection.send(topic, key, value).thenApply(position -> new TopicRecord(
                            position.topic(), position.partition(), position.offset(), key, value)));
                }
            }
        }
        List<TopicRecord> sent = new ArrayList<>();
        for (CompletableFuture<TopicRecord> send : sends) {
            sent.add(send.get(PATIENCE.toSeconds(), TimeUnit.SECONDS));
        }
        sent.sort(BY_POSITION);
        return sent;
    }

    /** @return the group's committed offset of each partition of this test's topic that has one */
    private Map<Integer, Long> committedOffsets(String groupId) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(groupId)
                .partitionsToOffsetAndMetadata().get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        Map<Integer, Long> committed = new HashMap<>();
        offsets.forEach((partition, offset) -> {
            if (offset != null && partition.topic().equals(topic)) {
                committed.put(partition.partition(), offset.offset());
            }
        });
        return committed;
    }

    /** {@link #committedOffsets}, after checking that the offset of {@code failing}'s partition is not past it. */
    private Map<Integer, Long> committedOffsetsNotPast(TopicRecord failing, String groupId) throws Exception {
        Map<Integer, Long> committed = committedOffsets(groupId);
        Long offset = committed.get(failing.partition());
        assertTrue(offset == null || offset <= failing.offset(), () -> "partition " + failing.partition()
                + " is committed up to offset " + offset + ", past the failing record at " + failing.offset());
        return committed;
    }

    /** @return for each partition that has some of {@code records}, the offset after the last of them */
    private static Map<Integer, Long> endOffsets(List<TopicRecord> records) {
        return records.stream().collect(Collectors.toMap(TopicRecord::partition, record -> record.offset() + 1,
                Math::max));
    }

    private static List<TopicRecord> inPartition(List<TopicRecord> records, int partition) {
        return records.stream().filter(record -> record.partition() == partition).toList();
    }

    private static List<TopicRecord> concat(List<TopicRecord> first, List<TopicRecord> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }

    private static String attempt(TopicRecord record, boolean redelivered, boolean succeeded) {
        return "offset " + record.offset() + (redelivered ? ", redelivered" : ", first delivery")
                + (succeeded ? ", processed" : ", failed");
    }

    /** Polls {@code condition} until it holds; fails the test if it does not within {@link #PATIENCE}. */
    private static void await(String what, Condition condition) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() - deadline > 0) {
                fail("Not within " + PATIENCE.toSeconds() + " s: " + what);
            }
            LockSupport.parkNanos(POLL_INTERVAL.toNanos());
        }
    }

    /** What {@link #await} waits for; may call the broker. */
    @FunctionalInterface
    private interface Condition {
        boolean holds() throws Exception;
    }
}
