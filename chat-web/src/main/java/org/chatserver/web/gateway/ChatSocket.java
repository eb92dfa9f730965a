package org.chatserver.web.gateway;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import org.chatserver.ejb.config.ChatConfig;
import org.chatserver.ejb.gateway.GatewayService;
import org.chatserver.ejb.identity.ConnectTickets;
import org.chatserver.ejb.identity.Identity;

/**
 * The WebSocket endpoint {@code /ws}. An upgrade must carry a valid one-time ticket, else the socket is closed with
 * 4001 before any frame. The connection is subscribed to its user's channels before {@code hello} is sent. Frames of
 * one connection are handled one at a time, in the order received (the container calls {@link #onFrame} serially).
 * One instance per connection.
 */
@ServerEndpoint("/ws")
public class ChatSocket {

    /** PROTOCOL.md: a missing, expired, reused or forged ticket. */
    static final int CLOSE_BAD_TICKET = 4001;

    /** Frames may be up to 64 KiB; larger ones get a {@code too_large} error, and only far larger ones a close. */
    private static final int MAX_BUFFERED_FRAME_BYTES = 1024 * 1024;

    /**
     * The container's idle timeout, in heartbeat intervals: only a backstop. {@link HeartbeatWatchdog} closes a silent
     * client first, after two intervals and with the code PROTOCOL.md names. The timeout is not zero because Tyrus
     * restarts its timer on every frame whatever the timeout, and a zero timeout makes each of those timers run at
     * once instead of being cancelled by the next frame ({@link IdleTimerScheduler}).
     */
    private static final int IDLE_TIMEOUT_HEARTBEATS = 4;

    @Inject
    ConnectTickets tickets;

    @Inject
    GatewayService gateway;

    @Inject
    FrameHandler frames;

    @Inject
    ChatConfig config;

    @Inject
    OpenConnections open;

    @Inject
    PresenceFlusher presenceFlusher;

    private WebSocketConnection connection;

    @OnOpen
    public void onOpen(Session session) throws IOException {
        List<String> ticket = session.getRequestParameterMap().get("ticket");
        Optional<Identity> identity = tickets.redeem(ticket == null || ticket.isEmpty() ? null : ticket.get(0));
        if (identity.isEmpty()) {
            session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(CLOSE_BAD_TICKET), "invalid ticket"));
            return;
        }
        session.setMaxTextMessageBufferSize(MAX_BUFFERED_FRAME_BYTES);
        session.setMaxIdleTimeout(IDLE_TIMEOUT_HEARTBEATS * config.heartbeatMs());
        connection = new WebSocketConnection(session, identity.get(), config.outboundQueueFrames(),
                config.presenceCoalesceMs(), presenceFlusher);
        gateway.open(connection);
        open.add(connection);
        connection.offer(Frames.hello(identity.get(), connection.id(), config.heartbeatMs()));
    }

    @OnMessage
    public void onFrame(String text) {
        if (connection != null) {
            connection.heard();
            frames.handle(connection, text);
        }
    }

    @OnClose
    public void onClose() {
        if (connection != null) {
            open.remove(connection);
            connection.closed();
            gateway.close(connection);
        }
    }

    @OnError
    public void onError(Throwable failure) {
        // The container closes the session after an error; onClose unsubscribes it.
    }
}
