package org.chatserver.it.kafka;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.resource.spi.work.ExecutionContext;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkListener;
import jakarta.resource.spi.work.WorkManager;

/**
 * The container's work manager as far as the adapter uses it: {@code scheduleWork} with a listener runs the work on
 * a new thread (a consumer holds it until its endpoint is deactivated). The listener is not notified, since the
 * adapter only logs from it. The threads are daemons, so that a consumer that failed to stop cannot keep the test JVM
 * alive.
 */
final class ThreadPerWorkManager implements WorkManager {

    private static final String NOT_USED = "not used by the adapter";

    private final AtomicInteger started = new AtomicInteger();

    @Override
    public void scheduleWork(Work work, long startTimeout, ExecutionContext context, WorkListener listener) {
        Thread thread = new Thread(work, "kafka-it-work-" + started.incrementAndGet());
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void scheduleWork(Work work) {
        throw new UnsupportedOperationException(NOT_USED);
    }

    @Override
    public void doWork(Work work) {
        throw new UnsupportedOperationException(NOT_USED);
    }

    @Override
    public void doWork(Work work, long startTimeout, ExecutionContext context, WorkListener listener) {
        throw new UnsupportedOperationException(NOT_USED);
    }

    @Override
    public long startWork(Work work) {
        throw new UnsupportedOperationException(NOT_USED);
    }

    @Override
    public long startWork(Work work, long startTimeout, ExecutionContext context, WorkListener listener) {
        throw new UnsupportedOperationException(NOT_USED);
    }
}
