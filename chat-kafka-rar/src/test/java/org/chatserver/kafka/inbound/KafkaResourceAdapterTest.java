package org.chatserver.kafka.inbound;

import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ResourceAdapterInternalException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Drives the adapter the way a container does, with a real Kafka consumer pointed at a port where no broker
 * listens: the consumer keeps polling (as it would while brokers are down) until it is stopped.
 */
class KafkaResourceAdapterTest {

    /** Loopback port 1: nothing listens there, so connections are refused at once. */
    private static final String NO_BROKER = "127.0.0.1:1";
    /** Deactivation waits at most 30 s by design; with nothing in flight it must be much quicker. */
    private static final Duration PROMPT = Duration.ofSeconds(10);

    private final KafkaResourceAdapter adapter = new KafkaResourceAdapter();
    private final ThreadWorkManager workManager = new ThreadWorkManager();
    private final TestEndpointFactory endpoints = new TestEndpointFactory();

    @AfterEach
    void stopAdapter() {
        adapter.stop();
    }

    @Test
    void consumesOnAWorkManagerThreadUntilTheEndpointIsDeactivated() throws Exception {
        adapter.start(new TestBootstrapContext(workManager));
        KafkaActivationSpec spec = spec();

        adapter.endpointActivation(endpoints, spec);
        assertEquals(1, workManager.threads().size());
        Thread consumerThread = workManager.threads().get(0);
        Thread.sleep(Duration.ofSeconds(1).toMillis()); // let it get into poll, so the stop must wake it up
        assertTrue(consumerThread.isAlive());

        assertTimeoutPreemptively(PROMPT, () -> adapter.endpointDeactivation(endpoints, spec));
        consumerThread.join(PROMPT.toMillis());
        assertFalse(consumerThread.isAlive());
    }

    @Test
    void runsEachOfAnEndpointsConsumersOnItsOwnThreadAndDeactivationEndsThemAll() throws Exception {
        adapter.start(new TestBootstrapContext(workManager));
        KafkaActivationSpec spec = spec();
        spec.setConsumers(3);

        adapter.endpointActivation(endpoints, spec);
        assertEquals(3, workManager.threads().size());
        Thread.sleep(Duration.ofSeconds(1).toMillis()); // let them get into poll, so the stop must wake them up

        assertTimeoutPreemptively(PROMPT, () -> adapter.endpointDeactivation(endpoints, spec));
        for (Thread thread : workManager.threads()) {
            thread.join(PROMPT.toMillis());
            assertFalse(thread.isAlive());
        }
    }

    @Test
    void stopEndsEveryConsumerAndThenRunsTheStopActions() throws Exception {
        adapter.start(new TestBootstrapContext(workManager));
        AtomicBoolean producerClosed = new AtomicBoolean();
        adapter.closeOnStop(() -> producerClosed.set(true));
        adapter.endpointActivation(endpoints, spec());
        adapter.endpointActivation(new TestEndpointFactory(), spec());

        assertTimeoutPreemptively(PROMPT, adapter::stop);

        assertTrue(producerClosed.get());
        for (Thread thread : workManager.threads()) {
            thread.join(PROMPT.toMillis());
            assertFalse(thread.isAlive());
        }
    }

    @Test
    void rejectsAnInvalidActivation() {
        adapter.start(new TestBootstrapContext(workManager));

        assertThrows(InvalidPropertyException.class,
                () -> adapter.endpointActivation(endpoints, new KafkaActivationSpec()));
        assertTrue(workManager.threads().isEmpty());
    }

    @Test
    void refusesActivationBeforeStart() {
        assertThrows(ResourceAdapterInternalException.class, () -> adapter.endpointActivation(endpoints, spec()));
    }

    @Test
    void refusesToActivateTheSameEndpointTwice() throws Exception {
        adapter.start(new TestBootstrapContext(workManager));
        KafkaActivationSpec spec = spec();
        adapter.endpointActivation(endpoints, spec);

        assertThrows(ResourceAdapterInternalException.class, () -> adapter.endpointActivation(endpoints, spec));
        assertEquals(1, workManager.threads().size());
    }

    private static KafkaActivationSpec spec() {
        KafkaActivationSpec spec = new KafkaActivationSpec();
        spec.setBootstrapServers(NO_BROKER);
        spec.setTopics("chat.messages");
        spec.setGroupId("adapter-test");
        return spec;
    }
}
