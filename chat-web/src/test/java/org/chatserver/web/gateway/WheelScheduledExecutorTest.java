package org.chatserver.web.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.util.HashedWheelTimer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WheelScheduledExecutorTest {

    private static final long TICK_MS = 10;
    private static final long WAIT_SECONDS = 5;

    private final ScheduledThreadPoolExecutor plain = new ScheduledThreadPoolExecutor(1,
            task -> new Thread(task, "plain-scheduler"));
    private final HashedWheelTimer wheel = new HashedWheelTimer(task -> new Thread(task, "wheel"), TICK_MS,
            TimeUnit.MILLISECONDS, 64, false, -1, plain);
    private final WheelScheduledExecutor executor = new WheelScheduledExecutor(wheel, plain);

    @AfterEach
    void stop() {
        wheel.stop();
        plain.shutdownNow();
    }

    @Test
    void aDueTimerRunsOnThePlainSchedulerNotOnTheWheel() throws Exception {
        CompletableFuture<String> ranOn = new CompletableFuture<>();
        ScheduledFuture<?> timer = executor.schedule(() -> ranOn.complete(Thread.currentThread().getName()), 30,
                TimeUnit.MILLISECONDS);

        assertEquals("plain-scheduler", ranOn.get(WAIT_SECONDS, TimeUnit.SECONDS));
        timer.get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertTrue(timer.isDone());
        assertFalse(timer.isCancelled());
    }

    @Test
    void aCancelledTimerNeverRunsAndLeavesTheWheel() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        ScheduledFuture<?> timer = executor.schedule(count(runs), 50, TimeUnit.MILLISECONDS);

        assertTrue(timer.cancel(false));
        assertTrue(timer.isCancelled());
        awaitEmptyWheel();
        Thread.sleep(100);
        assertEquals(0, runs.get());
    }

    /** The container's pattern: every frame cancels the session's timer and schedules a new one. */
    @Test
    void reschedulingOnEveryFrameLeavesOnlyTheLastTimer() throws Exception {
        ScheduledFuture<?> timer = executor.schedule(() -> { }, 1, TimeUnit.HOURS);
        for (int frame = 0; frame < 10_000; frame++) {
            timer.cancel(false);
            timer = executor.schedule(() -> { }, 1, TimeUnit.HOURS);
        }

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (wheel.pendingTimeouts() > 1 && System.nanoTime() < deadline) {
            Thread.sleep(TICK_MS);
        }
        assertEquals(1, wheel.pendingTimeouts());
    }

    @Test
    void aTimerScheduledAfterTheWheelStoppedIsDroppedNotThrown() throws Exception {
        wheel.stop();
        AtomicInteger runs = new AtomicInteger();

        ScheduledFuture<?> timer = executor.schedule(count(runs), 1, TimeUnit.MILLISECONDS);

        assertTrue(timer.isCancelled());
        Thread.sleep(50);
        assertEquals(0, runs.get());
    }

    @Test
    void theDelayCountsDownToTheDueTime() {
        ScheduledFuture<?> timer = executor.schedule(() -> { }, 1, TimeUnit.HOURS);

        long delay = timer.getDelay(TimeUnit.MINUTES);
        assertTrue(delay >= 59 && delay <= 60, "delay " + delay);
        assertTrue(timer.compareTo(executor.schedule(() -> { }, 2, TimeUnit.HOURS)) < 0);
    }

    @Test
    void otherKindsOfTaskRunOnThePlainScheduler() throws Exception {
        CompletableFuture<String> ranOn = new CompletableFuture<>();
        ScheduledFuture<?> repeating = executor.scheduleAtFixedRate(
                () -> ranOn.complete(Thread.currentThread().getName()), 0, 1, TimeUnit.HOURS);

        assertEquals("plain-scheduler", ranOn.get(WAIT_SECONDS, TimeUnit.SECONDS));
        assertEquals(0, wheel.pendingTimeouts());
        repeating.cancel(false);
    }

    /** A runnable, not a callable: {@code runs::incrementAndGet} would pick the callable overload. */
    private static Runnable count(AtomicInteger runs) {
        return () -> {
            runs.incrementAndGet();
        };
    }

    private void awaitEmptyWheel() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (wheel.pendingTimeouts() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(TICK_MS);
        }
        assertEquals(0, wheel.pendingTimeouts());
    }
}
