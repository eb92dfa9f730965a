package org.chatserver.web.gateway;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;

import io.netty.util.HashedWheelTimer;

/**
 * The gateway's timers: one plain scheduler thread from the container's managed thread factory, for the presence
 * flushes ({@link PresenceFlusher}) and for running due timers, and a timer wheel for the WebSocket container's
 * per-session idle timers ({@link IdleTimerScheduler}, {@link WheelScheduledExecutor}).
 *
 * <p>Why not the container's managed scheduled executor: both kinds of timer are scheduled per frame or per
 * connection, and a managed executor captures the caller's context for every task, which profiling showed as the
 * largest single cost of delivering a frame. The tasks are short (a flush writes into a bounded queue, an idle timer
 * is normally cancelled before it runs), so one thread serves both. A cancelled task is removed (from the wheel at
 * its next tick), so that rescheduling on every frame leaves nothing behind; a task scheduled while the application
 * stops is dropped.
 *
 * <p>Thread-safe.
 */
@ApplicationScoped
public class GatewayScheduler {

    private static final int ONE_THREAD = 1;

    /**
     * The idle timers' resolution. Their timeouts are minutes long, so a tick of this length costs no precision that
     * matters, and the wheel's thread wakes only ten times a second.
     */
    private static final long WHEEL_TICK_MS = 100;

    /** Slots of the wheel: one turn is 512 ticks (51.2 s); longer timers wait whole turns in their slot. */
    private static final int WHEEL_SLOTS = 512;

    /** Netty's wheel: no leak detection (the wheel lives as long as the application) and no cap on timers. */
    private static final boolean NO_LEAK_DETECTION = false;
    private static final long UNLIMITED_PENDING = -1;

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;

    private ScheduledThreadPoolExecutor timers;
    private HashedWheelTimer wheel;
    private WheelScheduledExecutor idleTimers;

    @PostConstruct
    void start() {
        timers = new ScheduledThreadPoolExecutor(ONE_THREAD, threads);
        timers.setRemoveOnCancelPolicy(true);
        timers.setRejectedExecutionHandler(new ThreadPoolExecutor.DiscardPolicy());
        wheel = new HashedWheelTimer(threads, WHEEL_TICK_MS, TimeUnit.MILLISECONDS, WHEEL_SLOTS, NO_LEAK_DETECTION,
                UNLIMITED_PENDING, timers);
        idleTimers = new WheelScheduledExecutor(wheel, timers);
    }

    /** The plain scheduler; not to be shut down by its users. */
    ScheduledExecutorService timers() {
        return timers;
    }

    /** The scheduler for timers that are nearly always cancelled: one-shot runnables wait on the wheel. */
    ScheduledExecutorService idleTimers() {
        return idleTimers;
    }

    @PreDestroy
    void stop() {
        wheel.stop();
        timers.shutdownNow();
    }
}
