package org.chatserver.kafka.inbound;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.chatserver.kafka.api.KafkaRecordProperties;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The delivery contract of the inbound package documentation, against a log-backed mock consumer. */
class ConsumerSessionTest {

    private static final String TOPIC = "chat.messages";
    private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
    private static final TopicPartition P1 = new TopicPartition(TOPIC, 1);
    /** Generous: every test finishes in well under a second unless the loop never stops. */
    private static final Duration TEST_TIMEOUT = Duration.ofSeconds(10);

    private final LogBackedConsumer consumer = new LogBackedConsumer().assignOnFirstPoll(List.of(P0, P1));
    private final TestEndpointFactory endpoints = new TestEndpointFactory();

    @Test
    void deliversEachPartitionInOffsetOrderAndCommitsWhatWasProcessed() {
        consumer.append(P0, "a", "b", "c").append(P1, "x", "y");

        runUntil(() -> endpoints.processedCount() == 5);

        assertEquals(List.of(0L, 1L, 2L), endpoints.processedOffsets(0));
        assertEquals(List.of(0L, 1L), endpoints.processedOffsets(1));
        assertEquals(3, consumer.committedOffset(P0));
        assertEquals(2, consumer.committedOffset(P1));
        assertEquals(endpoints.created(), endpoints.released());
        assertTrue(consumer.closed());
    }

    @Test
    void retriesAFailedRecordAfterABackoffWithoutSkippingItOrCommittingPastIt() {
        consumer.append(P0, "a", "b", "c", "d");
        AtomicInteger failuresLeft = new AtomicInteger(3);
        List<Long> committedWhileFailing = new ArrayList<>();
        endpoints.onMessage(message -> {
            if (offsetOf(message) == 2 && failuresLeft.getAndDecrement() > 0) {
                committedWhileFailing.add(consumer.committedOffset(P0));
                throw new IllegalStateException("bean failed");
            }
        });

        runUntil(() -> endpoints.processedCount() == 4);

        assertEquals(List.of(0L, 1L, 2L, 3L), endpoints.processedOffsets(0));
        List<TestEndpointFactory.Attempt> attemptsOfOffset2 = endpoints.attempts().stream()
                .filter(attempt -> attempt.offset() == 2).toList();
        assertEquals(List.of(false, true, true, true),
                attemptsOfOffset2.stream().map(TestEndpointFactory.Attempt::redelivered).toList());
        assertTrue(committedWhileFailing.stream().allMatch(offset -> offset <= 2), committedWhileFailing::toString);
        assertEquals(4, consumer.committedOffset(P0));
        assertEquals(endpoints.created(), endpoints.released());
    }

    @Test
    void keepsOtherPartitionsFlowingWhileOneBacksOff() {
        consumer.append(P0, "a", "b").append(P1, "x");
        AtomicBoolean p0Failed = new AtomicBoolean();
        AtomicInteger p1DeliveredBeforeP0Retry = new AtomicInteger(-1);
        endpoints.onMessage(message -> {
            if (partitionOf(message) == 0 && offsetOf(message) == 1) {
                if (p0Failed.compareAndSet(false, true)) {
                    // New records arrive on P1 while P0 backs off; they must not wait for P0.
                    consumer.append(P1, "y", "z");
                    throw new IllegalStateException("bean failed");
                }
                p1DeliveredBeforeP0Retry.set(endpoints.processedOffsets(1).size());
            }
        });

        runUntil(() -> endpoints.processedCount() == 5, withBackoff(200, 400));

        assertEquals(3, p1DeliveredBeforeP0Retry.get());
        assertEquals(List.of(0L, 1L), endpoints.processedOffsets(0));
        assertEquals(List.of(0L, 1L, 2L), endpoints.processedOffsets(1));
    }

    @Test
    void treatsAnUnavailableEndpointLikeAFailedDelivery() {
        consumer.append(P0, "a", "b");
        endpoints.refuseEndpoints(2);

        runUntil(() -> endpoints.processedCount() == 2);

        assertEquals(List.of(0L, 1L), endpoints.processedOffsets(0));
        assertEquals(2, consumer.committedOffset(P0));
    }

    @Test
    void commitsProcessedOffsetsOfRevokedPartitionsBeforeGivingThemUp() {
        consumer.append(P0, "a", "b", "c").append(P1, "x");
        endpoints.onMessage(message -> {
            if (partitionOf(message) == 0 && offsetOf(message) == 2) {
                // The commit after this poll fails because a rebalance started; the rebalance then revokes P0.
                consumer.failNextCommit(new RebalanceInProgressException("rebalancing"));
                consumer.beforeNextPoll(mock -> mock.rebalance(List.of(P1)));
            }
        });
        AtomicBoolean moreForP1 = new AtomicBoolean();

        runUntil(() -> {
            if (consumer.assignment().equals(Set.of(P1)) && moreForP1.compareAndSet(false, true)) {
                consumer.append(P1, "y");
            }
            return endpoints.processedCount() == 5;
        });

        List<Map<TopicPartition, OffsetAndMetadata>> commitsOfP0 = consumer.commits().stream()
                .filter(commit -> commit.containsKey(P0)).toList();
        assertEquals(List.of(Map.of(P0, new OffsetAndMetadata(3))), commitsOfP0);
        assertEquals(2, consumer.committedOffset(P1));
    }

    @Test
    void finishesTheRecordInFlightCommitsItAndClosesWhenStopped() {
        consumer.append(P0, "a", "b", "c");
        AtomicBoolean stop = new AtomicBoolean();
        ConsumerSession session = session(stop::get, spec());
        endpoints.onMessage(message -> {
            if (offsetOf(message) == 1) {
                // What a deactivation does while onMessage runs; the wakeup then fails the next blocking call.
                stop.set(true);
                session.wakeup();
            }
        });

        assertTimeoutPreemptively(TEST_TIMEOUT, session::run);

        assertEquals(List.of(0L, 1L), endpoints.processedOffsets(0));
        assertEquals(2, consumer.committedOffset(P0));
        assertTrue(consumer.closed());
    }

    @Test
    void withACommitIntervalCommitsRecordsOfSeveralPollsTogetherAndTheRestOnStop() {
        // Each record appends the next one, so every record comes with a poll of its own.
        consumer.append(P0, "a");
        endpoints.onMessage(message -> {
            if (offsetOf(message) < 4) {
                consumer.append(P0, "next");
            }
        });
        KafkaActivationSpec spec = spec();
        spec.setCommitIntervalMs(60_000);

        runUntil(() -> endpoints.processedCount() == 5, spec);

        assertEquals(List.of(Map.of(P0, new OffsetAndMetadata(5))), consumer.commits(),
                "no commit within the interval, then one when the consumer stops");
    }

    @Test
    void commitsNothingWhenNothingWasProcessed() {
        consumer.append(P0, "a");
        endpoints.onMessage(message -> {
            throw new IllegalStateException("bean failed");
        });
        AtomicInteger loopChecks = new AtomicInteger();

        runUntil(() -> loopChecks.incrementAndGet() > 3);

        assertFalse(endpoints.attempts().isEmpty());
        assertTrue(consumer.commits().isEmpty());
    }

    private void runUntil(BooleanSupplier done) {
        runUntil(done, spec());
    }

    private void runUntil(BooleanSupplier done, KafkaActivationSpec spec) {
        assertTimeoutPreemptively(TEST_TIMEOUT, () -> session(done, spec).run());
    }

    private ConsumerSession session(BooleanSupplier stopRequested, KafkaActivationSpec spec) {
        return new ConsumerSession(spec, () -> consumer, new RecordDispatcher(endpoints), stopRequested);
    }

    private static KafkaActivationSpec spec() {
        return withBackoff(5, 20);
    }

    private static KafkaActivationSpec withBackoff(int initialMs, int maxMs) {
        KafkaActivationSpec spec = new KafkaActivationSpec();
        spec.setBootstrapServers("unused:9092");
        spec.setTopics(TOPIC);
        spec.setGroupId("test");
        spec.setRetryBackoffMs(initialMs);
        spec.setRetryBackoffMaxMs(maxMs);
        spec.setCommitIntervalMs(0);
        return spec;
    }

    private static long offsetOf(jakarta.jms.Message message) {
        try {
            return message.getLongProperty(KafkaRecordProperties.OFFSET);
        } catch (jakarta.jms.JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int partitionOf(jakarta.jms.Message message) {
        try {
            return message.getIntProperty(KafkaRecordProperties.PARTITION);
        } catch (jakarta.jms.JMSException e) {
            throw new IllegalStateException(e);
        }
    }
}
