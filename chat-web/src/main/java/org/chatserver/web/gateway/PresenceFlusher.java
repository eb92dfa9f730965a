package org.chatserver.web.gateway;

import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Runs the presence flushes of this node's connections when their coalescing windows end, on the
 * {@link GatewayScheduler}. A flush is never sooner than {@link #MIN_DELAY_MS} from now, so a connection whose queue
 * has no room retries at that pace instead of spinning. Thread-safe.
 */
@ApplicationScoped
public class PresenceFlusher {

    /** The shortest wait before a flush: a connection without room in its queue is retried this often. */
    static final long MIN_DELAY_MS = 50;

    @Inject
    GatewayScheduler scheduler;

    /** Calls {@link WebSocketConnection#flushPresence()} at {@code atMillis} (epoch), or after the minimum delay. */
    void flushAt(WebSocketConnection connection, long atMillis) {
        long delay = Math.max(MIN_DELAY_MS, atMillis - System.currentTimeMillis());
        scheduler.timers().schedule(connection::flushPresence, delay, TimeUnit.MILLISECONDS);
    }
}
