package org.chatserver.kafka.inbound;

import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkManager;
import org.chatserver.kafka.client.KafkaClients;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.transaction.xa.XAResource;

/**
 * The resource adapter: runs the {@link EndpointConsumer}s of each activated message endpoint (as many as its
 * {@link KafkaActivationSpec#getConsumers() consumers}, one work manager thread each) and on stop ends them and
 * closes the producers of the outbound connection pools.
 *
 * <p>It has no configuration properties, so identity equality is the JavaBean equality the specification asks for.
 *
 * <p>Thread-safe: the container may activate and deactivate endpoints concurrently.
 */
public class KafkaResourceAdapter implements ResourceAdapter {

    private static final Logger LOG = Logger.getLogger(KafkaResourceAdapter.class.getName());

    /**
     * How long deactivation and stop wait for consumers to finish the record in flight, commit and leave the group.
     * Bounded so that a hung bean or unreachable brokers cannot hang undeployment; a consumer still running after it
     * finishes on its own.
     */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final Map<Activation, List<EndpointConsumer>> consumers = new ConcurrentHashMap<>();
    private final Queue<Runnable> stopActions = new ConcurrentLinkedQueue<>();
    private volatile WorkManager workManager;

    @Override
    public void start(BootstrapContext context) {
        workManager = context.getWorkManager();
        LOG.info("Kafka resource adapter started");
    }

    /** Stops every consumer (in parallel, within {@link #STOP_TIMEOUT} overall), then runs the stop actions. */
    @Override
    public void stop() {
        List<EndpointConsumer> stopping = new ArrayList<>();
        for (Activation activation : consumers.keySet()) {
            List<EndpointConsumer> endpointConsumers = consumers.remove(activation);
            if (endpointConsumers != null) {
                stopping.addAll(endpointConsumers);
            }
        }
        stopAll(stopping);
        runStopActions();
        workManager = null;
        LOG.info("Kafka resource adapter stopped");
    }

    /**
     * Starts consuming for a message-driven bean on work manager threads, one per consumer of its activation; returns
     * without waiting for brokers.
     *
     * @throws NotSupportedException if {@code spec} is not a {@link KafkaActivationSpec}
     * @throws jakarta.resource.spi.InvalidPropertyException if the activation properties are invalid
     * @throws WorkException if the work manager refuses the consumer
     */
    @Override
    public void endpointActivation(MessageEndpointFactory endpointFactory, ActivationSpec spec)
            throws ResourceException {
        if (!(spec instanceof KafkaActivationSpec kafkaSpec)) {
            throw new NotSupportedException("Not a Kafka activation spec: " + spec);
        }
        kafkaSpec.validate();
        WorkManager currentWorkManager = workManager;
        if (currentWorkManager == null) {
            throw new ResourceAdapterInternalException("The Kafka resource adapter is not started");
        }
        Activation activation = new Activation(endpointFactory, spec);
        RecordDispatcher dispatcher = new RecordDispatcher(endpointFactory);
        List<EndpointConsumer> endpointConsumers = new ArrayList<>();
        for (int member = 0; member < kafkaSpec.getConsumers(); member++) {
            Map<String, Object> config = kafkaSpec.consumerConfig(member);
            endpointConsumers.add(new EndpointConsumer(kafkaSpec, () -> KafkaClients.newConsumer(config), dispatcher));
        }
        if (consumers.putIfAbsent(activation, endpointConsumers) != null) {
            throw new ResourceAdapterInternalException("Endpoint already active for " + spec);
        }
        List<EndpointConsumer> scheduled = new ArrayList<>();
        try {
            for (EndpointConsumer consumer : endpointConsumers) {
                // Waits indefinitely for a thread rather than failing the deployment when the pool is busy.
                currentWorkManager.scheduleWork(consumer, WorkManager.INDEFINITE, null, consumer);
                scheduled.add(consumer);
            }
        } catch (WorkException e) {
            consumers.remove(activation);
            stopAll(scheduled);
            throw e;
        }
    }

    /** Stops the endpoint's consumers and waits (at most {@link #STOP_TIMEOUT}) until they committed and closed. */
    @Override
    public void endpointDeactivation(MessageEndpointFactory endpointFactory, ActivationSpec spec) {
        List<EndpointConsumer> endpointConsumers = consumers.remove(new Activation(endpointFactory, spec));
        if (endpointConsumers == null) {
            LOG.warning(() -> "No active endpoint to deactivate for " + spec);
            return;
        }
        stopAll(endpointConsumers);
    }

    /** Delivery is not XA (the offset commit is the acknowledgement), so there is nothing to recover. */
    @Override
    public XAResource[] getXAResources(ActivationSpec[] specs) {
        return new XAResource[0];
    }

    /**
     * Registers an action to run when the adapter stops, after the consumers ended; the outbound connection
     * factories register the closing of their producers here.
     */
    public void closeOnStop(Runnable action) {
        stopActions.add(action);
    }

    private void runStopActions() {
        for (Runnable action = stopActions.poll(); action != null; action = stopActions.poll()) {
            try {
                action.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A stop action of the Kafka resource adapter failed", e);
            }
        }
    }

    /** Asks all to stop at once, then waits for them within {@link #STOP_TIMEOUT} overall. */
    private static void stopAll(List<EndpointConsumer> stopping) {
        stopping.forEach(EndpointConsumer::requestStop);
        long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
        stopping.forEach(consumer -> awaitStopped(consumer, Duration.ofNanos(deadline - System.nanoTime())));
    }

    private static void awaitStopped(EndpointConsumer consumer, Duration timeout) {
        try {
            if (!consumer.awaitStopped(timeout)) {
                LOG.warning(() -> "A Kafka consumer did not stop within " + STOP_TIMEOUT.toSeconds()
                        + " s; it commits and closes on its own when its record in flight is done");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** An activation as the container identifies it: by its endpoint factory and activation spec. */
    private record Activation(MessageEndpointFactory endpointFactory, ActivationSpec spec) {
    }
}
