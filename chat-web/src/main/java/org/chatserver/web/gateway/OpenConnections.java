package org.chatserver.web.gateway;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The WebSocket connections open on this node, for what concerns them all: closing the silent ones (1001) and, when
 * the node shuts down, closing every one with 1012 so clients reconnect elsewhere and sync. Thread-safe.
 */
@ApplicationScoped
public class OpenConnections {

    private final Set<WebSocketConnection> open = ConcurrentHashMap.newKeySet();

    void add(WebSocketConnection connection) {
        open.add(connection);
    }

    void remove(WebSocketConnection connection) {
        open.remove(connection);
    }

    /** Closes with 1001 every connection silent for longer than {@code limitNanos}. */
    void closeSilent(long limitNanos) {
        long now = System.nanoTime();
        for (WebSocketConnection connection : open) {
            if (connection.silentNanos(now) > limitNanos) {
                open.remove(connection);
                connection.close(WebSocketConnection.CLOSE_NO_HEARTBEAT, "no heartbeat");
            }
        }
    }

    @PreDestroy
    void shutDown() {
        for (WebSocketConnection connection : open) {
            connection.close(WebSocketConnection.CLOSE_SHUTTING_DOWN, "node shutting down");
        }
        open.clear();
    }
}
