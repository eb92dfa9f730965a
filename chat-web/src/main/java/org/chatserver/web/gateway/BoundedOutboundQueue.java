package org.chatserver.web.gateway;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

/**
 * The bounded outbound queue of one connection: frames wait here until the socket has written the ones before them.
 *
 * <p>Contract: frames are written in the order offered, one at a time (a WebSocket allows one outstanding send). At
 * most {@code capacity} frames wait; an offer beyond that is refused, and the caller closes the connection (4008), so
 * a client that stops reading costs bounded memory and never slows the others. Thread-safe: offers come from the
 * fan-out listener and the connection's own thread.
 */
final class BoundedOutboundQueue {

    /** Writes one frame and calls back exactly once when it was written or failed. */
    interface Writer {
        void write(String frame, Consumer<Boolean> done);
    }

    private final Deque<String> waiting = new ArrayDeque<>();
    private final int capacity;
    private final Writer writer;
    private boolean writing;
    private boolean closed;

    BoundedOutboundQueue(int capacity, Writer writer) {
        this.capacity = capacity;
        this.writer = writer;
    }

    /** Queues {@code frame}; false when the queue is full or closed (the frame is not queued). */
    boolean offer(String frame) {
        synchronized (this) {
            if (closed || waiting.size() >= capacity) {
                return false;
            }
            waiting.addLast(frame);
            if (writing) {
                return true;
            }
            writing = true;
        }
        writeNext();
        return true;
    }

    /** Drops what waits and refuses further offers. */
    synchronized void close() {
        closed = true;
        waiting.clear();
    }

    synchronized int size() {
        return waiting.size();
    }

    private void writeNext() {
        String next;
        synchronized (this) {
            next = closed ? null : waiting.pollFirst();
            if (next == null) {
                writing = false;
                return;
            }
        }
        writer.write(next, written -> {
            if (written) {
                writeNext();
            } else {
                close();
            }
        });
    }
}
