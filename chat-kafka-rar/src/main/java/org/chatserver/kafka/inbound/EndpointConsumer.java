package org.chatserver.kafka.inbound;

import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkAdapter;
import jakarta.resource.spi.work.WorkEvent;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.errors.InterruptException;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One consumer of an activated endpoint, holding a work manager thread for the endpoint's whole life (one thread per
 * consumer is what keeps each of its partitions' records in order, one at a time).
 *
 * <p>It runs {@link ConsumerSession}s one after another: when a session fails (the consumer cannot be created,
 * brokers refuse it, an unexpected error), it is closed and replaced after a backoff, so a problem fixed later
 * needs no redeployment. It is also its own {@link jakarta.resource.spi.work.WorkListener}, to report work the
 * work manager rejected or that died.
 *
 * <p>Thread-safe: {@link #run()} runs on the work thread; {@link #requestStop()}, {@link #release()} and
 * {@link #awaitStopped(Duration)} are called from container threads.
 */
final class EndpointConsumer extends WorkAdapter implements Work {

    private static final Logger LOG = Logger.getLogger(EndpointConsumer.class.getName());

    private final KafkaActivationSpec spec;
    private final Supplier<? extends Consumer<String, String>> consumerFactory;
    private final RecordDispatcher dispatcher;
    private final RetryBackoff restartBackoff;
    private final AtomicBoolean stopRequested = new AtomicBoolean();
    /** Released on a stop request; also what the backoff between sessions waits on, so a stop cuts it short. */
    private final CountDownLatch stopSignal = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile ConsumerSession session;

    /**
     * @param spec what to consume
     * @param consumerFactory creates a consumer configured from {@code spec}, once per session
     * @param dispatcher where to deliver
     */
    EndpointConsumer(KafkaActivationSpec spec, Supplier<? extends Consumer<String, String>> consumerFactory,
            RecordDispatcher dispatcher) {
        this.spec = spec;
        this.consumerFactory = consumerFactory;
        this.dispatcher = dispatcher;
        this.restartBackoff = spec.retryBackoff();
    }

    @Override
    public void run() {
        LOG.info(() -> "Consuming " + spec);
        try {
            runSessions();
        } finally {
            stopped.countDown();
            LOG.info(() -> "Stopped consuming " + spec);
        }
    }

    private void runSessions() {
        int consecutiveFailures = 0;
        while (!isStopRequested()) {
            ConsumerSession current = new ConsumerSession(spec, consumerFactory, dispatcher, this::isStopRequested);
            session = current;
            try {
                current.run();
            } catch (InterruptException e) {
                // Only the container interrupts its work threads, and then it wants this one back.
                LOG.warning(() -> "Consumer thread of " + spec + " interrupted; stopping");
                return;
            } catch (RuntimeException e) {
                consecutiveFailures = current.hasPolled() ? 1 : consecutiveFailures + 1;
                Duration delay = restartBackoff.delayAfter(consecutiveFailures);
                LOG.log(Level.WARNING, e, () -> "Kafka consumer of " + spec + " failed; restarting it in "
                        + delay.toMillis() + " ms");
                if (!sleepUnlessStopped(delay)) {
                    return;
                }
            }
        }
    }

    /** @return {@code false} if a stop was requested (or the thread interrupted) during the sleep */
    private boolean sleepUnlessStopped(Duration delay) {
        try {
            return !stopSignal.await(delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Asks the loop to stop: the record in flight is finished, processed offsets are committed, the consumer is
     * closed. Returns at once; idempotent.
     */
    void requestStop() {
        if (stopRequested.compareAndSet(false, true)) {
            stopSignal.countDown();
            ConsumerSession current = session;
            if (current != null) {
                current.wakeup();
            }
        }
    }

    /** @return whether the loop ended within {@code timeout} */
    boolean awaitStopped(Duration timeout) throws InterruptedException {
        return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The work manager wants the thread back (e.g. server shutdown): same as a deactivation. */
    @Override
    public void release() {
        requestStop();
    }

    @Override
    public void workRejected(WorkEvent event) {
        LOG.log(Level.SEVERE, event.getException(), () -> "The work manager rejected the consumer of " + spec
                + "; the endpoint receives nothing until it is activated again");
        stopped.countDown();
    }

    @Override
    public void workCompleted(WorkEvent event) {
        if (event.getException() != null) {
            LOG.log(Level.SEVERE, event.getException(), () -> "The consumer of " + spec + " died");
        }
    }

    private boolean isStopRequested() {
        return stopRequested.get();
    }
}
