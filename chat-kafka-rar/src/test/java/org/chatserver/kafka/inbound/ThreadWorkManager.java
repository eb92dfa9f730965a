package org.chatserver.kafka.inbound;

import jakarta.resource.spi.work.ExecutionContext;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkEvent;
import jakarta.resource.spi.work.WorkListener;
import jakarta.resource.spi.work.WorkManager;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The smallest work manager the adapter runs on outside a container: {@code scheduleWork} starts a thread per work
 * and reports its completion. The adapter uses nothing else.
 */
final class ThreadWorkManager implements WorkManager {

    private final List<Thread> threads = new CopyOnWriteArrayList<>();

    /** @return the threads started so far, to check that they ended */
    List<Thread> threads() {
        return List.copyOf(threads);
    }

    @Override
    public void scheduleWork(Work work, long startTimeout, ExecutionContext context, WorkListener listener) {
        Thread thread = new Thread(() -> {
            try {
                work.run();
            } finally {
                listener.workCompleted(new WorkEvent(this, WorkEvent.WORK_COMPLETED, work, null));
            }
        }, "test-work-" + threads.size());
        threads.add(thread);
        thread.start();
    }

    @Override
    public void scheduleWork(Work work) {
        throw new UnsupportedOperationException("not used by the adapter");
    }

    @Override
    public void doWork(Work work) {
        throw new UnsupportedOperationException("not used by the adapter");
    }

    @Override
    public void doWork(Work work, long startTimeout, ExecutionContext context, WorkListener listener) {
        throw new UnsupportedOperationException("not used by the adapter");
    }

    @Override
    public long startWork(Work work) {
        throw new UnsupportedOperationException("not used by the adapter");
    }

    @Override
    public long startWork(Work work, long startTimeout, ExecutionContext context, WorkListener listener) {
        throw new UnsupportedOperationException("not used by the adapter");
    }
}
