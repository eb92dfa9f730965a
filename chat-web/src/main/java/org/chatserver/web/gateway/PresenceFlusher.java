package org.chatserver.web.gateway;

import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Runs the presence flushes of this node's connections when their coalescing windows end. A flush is never sooner
 * than {@link #MIN_DELAY_MS} from now, so a connection whose queue has no room retries at that pace instead of
 * spinning.
 *
 * <p>The flushes run on one thread of the container's managed thread factory, scheduled as plain tasks: when many
 * members come online at once every connection schedules flushes, and a managed scheduled executor would capture the
 * caller's context for each of them (see {@link IdleTimerScheduler} for what that costs). Thread-safe.
 */
@ApplicationScoped
public class PresenceFlusher {

    /** The shortest wait before a flush: a connection without room in its queue is retried this often. */
    static final long MIN_DELAY_MS = 50;

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;

    private ScheduledThreadPoolExecutor scheduler;

    @PostConstruct
    void start() {
        scheduler = new ScheduledThreadPoolExecutor(1, threads);
        // Connections flushing while the application stops need no more flushes.
        scheduler.setRejectedExecutionHandler(new ThreadPoolExecutor.DiscardPolicy());
    }

    /** Calls {@link WebSocketConnection#flushPresence()} at {@code atMillis} (epoch), or after the minimum delay. */
    void flushAt(WebSocketConnection connection, long atMillis) {
        long delay = Math.max(MIN_DELAY_MS, atMillis - System.currentTimeMillis());
        scheduler.schedule(connection::flushPresence, delay, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
    }
}
