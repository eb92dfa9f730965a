package org.chatserver.web.gateway;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The gateway's timers: one plain scheduler thread from the container's managed thread factory, for the WebSocket
 * container's per-session idle timers ({@link IdleTimerScheduler}) and the presence flushes ({@link PresenceFlusher}).
 *
 * <p>Why not the container's managed scheduled executor: both kinds of timer are scheduled per frame or per
 * connection, and a managed executor captures the caller's context for every task, which profiling showed as the
 * largest single cost of delivering a frame. The tasks are short (a flush writes into a bounded queue, an idle timer
 * is normally cancelled before it runs), so one thread serves both. A cancelled task is removed at once, so that
 * rescheduling on every frame leaves nothing behind; a task scheduled while the application stops is dropped.
 *
 * <p>Thread-safe.
 */
@ApplicationScoped
public class GatewayScheduler {

    private static final int ONE_THREAD = 1;

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;

    private ScheduledThreadPoolExecutor timers;

    @PostConstruct
    void start() {
        timers = new ScheduledThreadPoolExecutor(ONE_THREAD, threads);
        timers.setRemoveOnCancelPolicy(true);
        timers.setRejectedExecutionHandler(new ThreadPoolExecutor.DiscardPolicy());
    }

    /** The scheduler; not to be shut down by its users. */
    ScheduledExecutorService timers() {
        return timers;
    }

    @PreDestroy
    void stop() {
        timers.shutdownNow();
    }
}
