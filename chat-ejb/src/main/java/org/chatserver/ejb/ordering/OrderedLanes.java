package org.chatserver.ejb.ordering;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A fixed number of single-thread lanes: tasks with equal ordering keys always take the same lane, so they run one
 * at a time in the order they were handed in; tasks of different keys run in parallel on different lanes.
 *
 * <p>Tasks are plain runnables on threads of the given (managed) factory: no context is captured per task, which a
 * managed executor would do at a measurable cost per task. The queues are unbounded, so a caller never blocks; what
 * bounds the work is its source (connections opening and closing, events addressed to the node). A failing task is
 * logged and does not stop its lane. Thread-safe.
 */
public final class OrderedLanes {

    private static final Logger LOG = Logger.getLogger(OrderedLanes.class.getName());

    private final String purpose;
    private final List<ExecutorService> lanes = new ArrayList<>();

    /**
     * @param purpose what the lanes do, for the log
     * @param count   how many lanes (threads), at least 1
     */
    public OrderedLanes(String purpose, int count, ThreadFactory threads) {
        if (count < 1) {
            throw new IllegalArgumentException(purpose + ": at least one lane, not " + count);
        }
        this.purpose = purpose;
        for (int i = 0; i < count; i++) {
            lanes.add(Executors.newSingleThreadExecutor(threads));
        }
    }

    /**
     * Runs {@code task} on the lane of {@code orderingKey}, after the tasks handed in before it for that lane.
     *
     * @throws java.util.concurrent.RejectedExecutionException once {@link #shutdown} was called
     */
    public void execute(Object orderingKey, Runnable task) {
        lanes.get(Math.floorMod(orderingKey.hashCode(), lanes.size())).execute(() -> {
            try {
                task.run();
            } catch (RuntimeException failure) {
                LOG.log(Level.WARNING, purpose + ": a task failed", failure);
            }
        });
    }

    /** Stops taking tasks and waits at most {@code drain} for the lanes to finish what they hold. */
    public void shutdown(Duration drain) {
        lanes.forEach(ExecutorService::shutdown);
        long deadline = System.nanoTime() + drain.toNanos();
        for (ExecutorService lane : lanes) {
            try {
                if (!lane.awaitTermination(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                    LOG.warning(() -> purpose + ": tasks left undone at shutdown");
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
