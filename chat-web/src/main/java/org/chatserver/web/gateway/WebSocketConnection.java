package org.chatserver.web.gateway;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;

import org.chatserver.ejb.fanout.NodeDelivery;
import org.chatserver.ejb.gateway.ClientConnection;
import org.chatserver.ejb.identity.Identity;
import org.chatserver.ejb.presence.PresenceCoalescer;
import org.chatserver.ejb.presence.PresenceTransition;

/**
 * A client's WebSocket as a {@link ClientConnection}: frames go through its {@link BoundedOutboundQueue}; a client
 * that lets the queue overflow is closed with 4008 and resyncs when it reconnects. Presence frames are coalesced per
 * user ({@link PresenceCoalescer}); a waiting one is flushed by the {@link PresenceFlusher} when its window ends, and
 * only while the queue has room, so presence never pushes a slow client over its bound. Thread-safe.
 */
final class WebSocketConnection implements ClientConnection {

    /** PROTOCOL.md: the connection cannot keep up. */
    static final int CLOSE_TOO_SLOW = 4008;

    /** PROTOCOL.md: two heartbeat intervals without any frame from the client. */
    static final int CLOSE_NO_HEARTBEAT = 1001;

    /** PROTOCOL.md: the node shuts down; the client reconnects elsewhere and syncs. */
    static final int CLOSE_SHUTTING_DOWN = 1012;

    /** PROTOCOL.md: sustained abuse of the send rate limit. */
    static final int CLOSE_ABUSE = 4029;

    /** The window in which refused sends count towards abuse: long enough that a burst is not abuse. */
    private static final long ABUSE_WINDOW_NANOS = TimeUnit.SECONDS.toNanos(10);

    /** Presence frames leave this fraction (1/n) of the queue free for other frames. */
    private static final int PRESENCE_ROOM_DIVISOR = 2;

    private static final Logger LOG = Logger.getLogger(WebSocketConnection.class.getName());

    private final Session session;
    private final Identity identity;
    private final BoundedOutboundQueue queue;
    private final int queueCapacity;
    private volatile long lastFrameNanos = System.nanoTime();
    private long abuseWindowStartNanos;
    private int rateLimitedInWindow;

    private final PresenceCoalescer presence;
    private final PresenceFlusher flusher;

    /** Whether a presence flush is scheduled; guarded by {@link #presence}. */
    private boolean flushScheduled;

    /** Live messages of channels being replayed, per channel; guarded by this. */
    private final Map<String, List<NodeDelivery>> heldBack = new HashMap<>();

    WebSocketConnection(Session session, Identity identity, int queueCapacity, long presenceWindowMs,
            PresenceFlusher flusher) {
        this.session = session;
        this.identity = identity;
        this.queueCapacity = queueCapacity;
        this.presence = new PresenceCoalescer(presenceWindowMs);
        this.flusher = flusher;
        this.queue = new BoundedOutboundQueue(queueCapacity, this::write);
    }

    /** Hands one frame to the socket; a socket that closed meanwhile (the client left) fails the write. */
    private void write(String frame, Consumer<Boolean> done) {
        try {
            session.getAsyncRemote().sendText(frame, result -> done.accept(result.isOK()));
        } catch (IllegalStateException closed) {
            done.accept(false);
        }
    }

    @Override
    public String id() {
        return session.getId();
    }

    @Override
    public Identity identity() {
        return identity;
    }

    @Override
    public void offer(String frame) {
        if (!queue.offer(frame) && session.isOpen()) {
            close(CLOSE_TOO_SLOW, "outbound queue full");
        }
    }

    @Override
    public void offerEphemeral(String frame) {
        queue.offerEphemeral(frame);
    }

    @Override
    public void offerPresence(PresenceTransition transition, String frame) {
        String now = presence.offer(transition.user(), transition.version(), frame,
                System.currentTimeMillis(), queue.spareBeyond(presenceReserve()) > 0);
        if (now != null) {
            queue.offerEphemeral(now);
        } else {
            scheduleFlush();
        }
    }

    /** The queue places presence leaves free for other frames. */
    private int presenceReserve() {
        return queueCapacity / PRESENCE_ROOM_DIVISOR;
    }

    /**
     * Writes the presence frames whose coalescing window ended, as many as the queue has spare room for (the rest
     * wait for the next flush); schedules the next flush if frames still wait.
     */
    void flushPresence() {
        synchronized (presence) {
            flushScheduled = false;
        }
        presence.due(System.currentTimeMillis(), queue.spareBeyond(presenceReserve())).forEach(queue::offerEphemeral);
        scheduleFlush();
    }

    /** Schedules a flush for the earliest waiting presence frame, unless one is scheduled already. */
    private void scheduleFlush() {
        synchronized (presence) {
            if (flushScheduled || !session.isOpen()) {
                return;
            }
            OptionalLong due = presence.nextDueMillis();
            if (due.isEmpty()) {
                return;
            }
            flushScheduled = true;
            flusher.flushAt(this, due.getAsLong());
        }
    }

    @Override
    public synchronized void offerMessage(NodeDelivery message) {
        List<NodeDelivery> held = heldBack.get(message.channel());
        if (held == null) {
            offer(message.frame());
        } else if (held.size() < queueCapacity) {
            held.add(message);
        } else {
            close(CLOSE_TOO_SLOW, "too many live messages during a replay");
        }
    }

    /** Holds back live messages of {@code channel} from now until {@link #release}: a replay of it begins. */
    synchronized void holdBack(String channel) {
        heldBack.putIfAbsent(channel, new ArrayList<>());
    }

    /** Ends a replay of {@code channel}: sends what was held back after {@code replayedThrough}, in seq order. */
    synchronized void release(String channel, long replayedThrough) {
        List<NodeDelivery> held = heldBack.remove(channel);
        if (held != null) {
            held.stream()
                    .filter(message -> message.seq() > replayedThrough)
                    .sorted(Comparator.comparingLong(NodeDelivery::seq))
                    .forEach(message -> offer(message.frame()));
        }
    }

    /** Records a frame from the client: it is alive. */
    void heard() {
        lastFrameNanos = System.nanoTime();
    }

    /** How long the client has been silent at {@code nowNanos}. */
    long silentNanos(long nowNanos) {
        return nowNanos - lastFrameNanos;
    }

    /**
     * Counts a send refused as {@code rate_limited}; answers whether {@code closeAfter} refusals fell within one
     * {@link #ABUSE_WINDOW_NANOS} window (sustained abuse, not a burst). Called from the connection's frame thread
     * only.
     */
    boolean rateLimited(int closeAfter) {
        long now = System.nanoTime();
        if (now - abuseWindowStartNanos > ABUSE_WINDOW_NANOS) {
            abuseWindowStartNanos = now;
            rateLimitedInWindow = 0;
        }
        rateLimitedInWindow++;
        return rateLimitedInWindow >= closeAfter;
    }

    void close(int code, String reason) {
        queue.close();
        try {
            session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), reason));
        } catch (IOException | IllegalStateException e) {
            // IllegalStateException: the socket closed meanwhile (the client left); nothing is left to close.
            LOG.log(Level.FINE, "closing a WebSocket failed", e);
        }
    }

    /** Stops writing: the socket is gone. */
    void closed() {
        queue.close();
    }
}
