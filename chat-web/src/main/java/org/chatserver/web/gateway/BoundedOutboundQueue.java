package org.chatserver.web.gateway;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

/**
 * The bounded outbound queue of one connection: frames wait here until the socket has written the ones before them.
 *
 * <p>Contract: frames are written in the order offered, one at a time (a WebSocket allows one outstanding send). At
 * most {@code capacity} frames wait. When the queue is full, ephemeral frames ({@code typing}, {@code presence}) go
 * first: an ephemeral offer is dropped, and any other offer evicts the oldest waiting ephemeral frame. Only an offer
 * that finds the queue full of other frames is refused, and the caller closes the connection (4008), so a client that
 * stops reading costs bounded memory and never slows the others. Thread-safe: offers come from the fan-out listener
 * and the connection's own thread.
 */
final class BoundedOutboundQueue {

    /** Writes one frame and calls back exactly once when it was written or failed. */
    interface Writer {
        void write(String frame, Consumer<Boolean> done);
    }

    /** A waiting frame. */
    private record Waiting(String frame, boolean ephemeral) {
    }

    private final Deque<Waiting> waiting = new ArrayDeque<>();
    private final int capacity;
    private final Writer writer;
    private int ephemeralWaiting;
    private boolean writing;
    private boolean closed;

    BoundedOutboundQueue(int capacity, Writer writer) {
        this.capacity = capacity;
        this.writer = writer;
    }

    /**
     * Queues {@code frame}, making room by dropping an ephemeral frame if needed; false when it could not (the queue
     * is full of other frames, or closed).
     */
    boolean offer(String frame) {
        return offer(frame, false);
    }

    /** Queues an ephemeral {@code frame} if there is room, else drops it; false only when the queue is closed. */
    boolean offerEphemeral(String frame) {
        return offer(frame, true);
    }

    /** How many more frames fit while still leaving {@code reserve} places free (0 when closed). */
    synchronized int spareBeyond(int reserve) {
        return closed ? 0 : Math.max(0, capacity - reserve - waiting.size());
    }

    private boolean offer(String frame, boolean ephemeral) {
        synchronized (this) {
            if (closed) {
                return false;
            }
            if (waiting.size() >= capacity) {
                if (ephemeral) {
                    return true;
                }
                if (!dropOldestEphemeral()) {
                    return false;
                }
            }
            waiting.addLast(new Waiting(frame, ephemeral));
            if (ephemeral) {
                ephemeralWaiting++;
            }
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
        ephemeralWaiting = 0;
    }

    private boolean dropOldestEphemeral() {
        if (ephemeralWaiting == 0) {
            return false;
        }
        for (var it = waiting.iterator(); it.hasNext(); ) {
            if (it.next().ephemeral()) {
                it.remove();
                ephemeralWaiting--;
                return true;
            }
        }
        return false;
    }

    private void writeNext() {
        Waiting next;
        synchronized (this) {
            next = closed ? null : waiting.pollFirst();
            if (next == null) {
                writing = false;
                return;
            }
            if (next.ephemeral()) {
                ephemeralWaiting--;
            }
        }
        writer.write(next.frame(), written -> {
            if (written) {
                writeNext();
            } else {
                close();
            }
        });
    }
}
