package org.chatserver.web.gateway;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.netty.util.Timeout;
import io.netty.util.Timer;
import io.netty.util.TimerTask;

/**
 * A scheduler for timers that are nearly always cancelled before they are due: its one-shot {@link Runnable}
 * timers go on a hashed timer wheel ({@link Timer}, Netty's {@code HashedWheelTimer}), everything else to a plain
 * scheduler.
 *
 * <p>Why: the WebSocket container cancels a session's idle timer and schedules a new one for every frame sent or
 * received ({@link IdleTimerScheduler}). On a {@link java.util.concurrent.ScheduledThreadPoolExecutor} each of these
 * takes the executor's one lock and moves entries in a heap as large as the number of open connections, on the
 * thread that writes the frame; profiles of {@code chat-bench fanout} put that at about 7 % of the node's CPU. On a
 * wheel, scheduling and cancelling each add to a lock-free queue, and the wheel's own thread sorts them into slots.
 * A timer runs up to one tick late, which is nothing beside an idle timeout of minutes. The jakarta and Netty APIs
 * offer no such {@link ScheduledExecutorService}, so this class adapts the wheel to one.
 *
 * <p>Due timers run on the plain scheduler, not on the wheel's thread, so a slow task cannot hold up the wheel.
 * Shutting this down shuts down the plain scheduler; the wheel belongs to whoever created it, and once it is stopped
 * a timer scheduled here is dropped (returned cancelled). Thread-safe.
 */
final class WheelScheduledExecutor extends AbstractExecutorService implements ScheduledExecutorService {

    private final Timer wheel;
    private final ScheduledExecutorService others;

    /**
     * @param wheel  where one-shot runnables wait; it should hand due tasks to {@code others} to run
     * @param others every other kind of task, and the life cycle
     */
    WheelScheduledExecutor(Timer wheel, ScheduledExecutorService others) {
        this.wheel = wheel;
        this.others = others;
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        WheelTimer timer = new WheelTimer(command, System.nanoTime() + unit.toNanos(delay));
        try {
            timer.timeout = wheel.newTimeout(timer, delay, unit);
        } catch (IllegalStateException stopped) {
            // The application is stopping and the wheel is gone: drop the timer, as the plain scheduler does.
            timer.cancel(false);
        }
        return timer;
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        return others.schedule(callable, delay, unit);
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        return others.scheduleAtFixedRate(command, initialDelay, period, unit);
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        return others.scheduleWithFixedDelay(command, initialDelay, delay, unit);
    }

    @Override
    public void execute(Runnable command) {
        others.execute(command);
    }

    @Override
    public void shutdown() {
        others.shutdown();
    }

    @Override
    public List<Runnable> shutdownNow() {
        return others.shutdownNow();
    }

    @Override
    public boolean isShutdown() {
        return others.isShutdown();
    }

    @Override
    public boolean isTerminated() {
        return others.isTerminated();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return others.awaitTermination(timeout, unit);
    }

    /** One timer on the wheel: its future, and the task the wheel runs when it is due. */
    private static final class WheelTimer extends FutureTask<Void> implements ScheduledFuture<Void>, TimerTask {

        private final long dueNanos;

        /** Set by {@link #schedule} before the caller can see this timer; null if the wheel refused it. */
        private volatile Timeout timeout;

        WheelTimer(Runnable command, long dueNanos) {
            super(command, null);
            this.dueNanos = dueNanos;
        }

        @Override
        public void run(Timeout due) {
            run();
        }

        /** Cancelling also takes the timer off the wheel (at the wheel's next tick), so nothing stays behind. */
        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            boolean cancelled = super.cancel(mayInterruptIfRunning);
            Timeout onWheel = timeout;
            if (cancelled && onWheel != null) {
                onWheel.cancel();
            }
            return cancelled;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(dueNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
        }
    }
}
