package org.chatserver.kafka.inbound;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class EndpointConsumerTest {

    private static final TopicPartition P0 = new TopicPartition("chat.messages", 0);
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final TestEndpointFactory endpoints = new TestEndpointFactory();
    private EndpointConsumer endpointConsumer;

    @AfterEach
    void stop() throws InterruptedException {
        if (endpointConsumer != null) {
            endpointConsumer.requestStop();
            endpointConsumer.awaitStopped(WAIT);
        }
    }

    @Test
    void replacesAConsumerThatFailedAndGoesOnDelivering() throws InterruptedException {
        LogBackedConsumer working = new LogBackedConsumer().assignOnFirstPoll(List.of(P0)).append(P0, "a", "b");
        AtomicInteger created = new AtomicInteger();
        start(() -> {
            if (created.incrementAndGet() == 1) {
                throw new KafkaException("No resolvable bootstrap urls");
            }
            return working;
        }, 10);

        awaitTrue(() -> endpoints.processedCount() == 2);
        endpointConsumer.requestStop();

        assertTrue(endpointConsumer.awaitStopped(WAIT));
        assertEquals(2, created.get());
        assertEquals(List.of(0L, 1L), endpoints.processedOffsets(0));
        assertTrue(working.closed());
    }

    @Test
    void aStopCutsTheBackoffBeforeARestartShort() throws InterruptedException {
        AtomicInteger attempts = new AtomicInteger();
        start(() -> {
            attempts.incrementAndGet();
            throw new KafkaException("broken");
        }, 60_000);
        awaitTrue(() -> attempts.get() == 1);

        endpointConsumer.requestStop();

        assertTrue(endpointConsumer.awaitStopped(Duration.ofSeconds(2)));
        assertEquals(1, attempts.get());
    }

    private void start(Supplier<Consumer<String, String>> consumerFactory, int backoffMs) {
        KafkaActivationSpec spec = new KafkaActivationSpec();
        spec.setTopics("chat.messages");
        spec.setRetryBackoffMs(backoffMs);
        spec.setRetryBackoffMaxMs(backoffMs);
        endpointConsumer = new EndpointConsumer(spec, consumerFactory, new RecordDispatcher(endpoints));
        new Thread(endpointConsumer, "endpoint-consumer-test").start();
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail("condition not met within " + WAIT);
            }
            Thread.sleep(5);
        }
    }
}
