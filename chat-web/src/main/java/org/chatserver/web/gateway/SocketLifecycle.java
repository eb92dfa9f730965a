package org.chatserver.web.gateway;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;

import org.chatserver.ejb.config.ChatConfig;
import org.chatserver.ejb.gateway.GatewayService;
import org.chatserver.ejb.identity.ConnectTickets;
import org.chatserver.ejb.identity.Identity;

/**
 * What happens to a socket of {@code /ws} from upgrade to close: the upgrade is admitted by its one-time ticket (else
 * closed with 4001 before any frame), the connection is subscribed to its user's channels before {@code hello} is
 * sent, each frame goes to the {@link FrameHandler}, and the close unsubscribes it. One instance serves every socket,
 * so a socket's endpoint object carries no injection state of its own ({@link ChatSocket.Instances}). Stateless, so
 * thread-safe.
 */
@ApplicationScoped
public class SocketLifecycle {

    /** PROTOCOL.md: a missing, expired, reused or forged ticket. */
    static final int CLOSE_BAD_TICKET = 4001;

    /** Frames may be up to 64 KiB; larger ones get a {@code too_large} error, and only far larger ones a close. */
    private static final int MAX_BUFFERED_FRAME_BYTES = 1024 * 1024;

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

    /** Admits {@code session} by its ticket and greets it; empty when the ticket was refused and the socket closed. */
    Optional<WebSocketConnection> open(Session session) throws IOException {
        List<String> ticket = session.getRequestParameterMap().get("ticket");
        Optional<Identity> identity = tickets.redeem(ticket == null || ticket.isEmpty() ? null : ticket.get(0));
        if (identity.isEmpty()) {
            session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(CLOSE_BAD_TICKET), "invalid ticket"));
            return Optional.empty();
        }
        session.setMaxTextMessageBufferSize(MAX_BUFFERED_FRAME_BYTES);
        WebSocketConnection connection = new WebSocketConnection(session, identity.get(),
                config.outboundQueueFrames(), config.presenceCoalesceMs(), presenceFlusher);
        gateway.open(connection);
        open.add(connection);
        connection.offer(Frames.hello(identity.get(), connection.id(), config.heartbeatMs()));
        return Optional.of(connection);
    }

    /** A frame from the client: it is alive, and the frame is handled. */
    void frame(WebSocketConnection connection, String text) {
        connection.heard();
        frames.handle(connection, text);
    }

    /** The socket closed: nothing more is written to it, and it leaves its channels. */
    void closed(WebSocketConnection connection) {
        open.remove(connection);
        connection.closed();
        gateway.close(connection);
    }
}
