package org.chatserver.web.gateway;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

import org.chatserver.ejb.config.ChatConfig;
import org.chatserver.ejb.gateway.GatewayService;
import org.chatserver.ejb.message.ClientMsgId;
import org.chatserver.ejb.message.MessageBody;
import org.chatserver.ejb.message.MessageService;
import org.chatserver.ejb.message.Replay;
import org.chatserver.ejb.message.ReplayReceiver;
import org.chatserver.ejb.message.SendCommand;
import org.chatserver.ejb.message.SyncCursor;
import org.chatserver.ejb.presence.PresenceState;
import org.chatserver.ejb.problem.ChatProblem;
import org.chatserver.ejb.problem.ProblemCode;
import org.chatserver.ejb.receipt.ReceiptKind;
import org.chatserver.ejb.receipt.ReceiptService;
import org.chatserver.ejb.typing.TypingService;
import org.chatserver.web.wire.JsonFields;

/**
 * Decodes a client frame and calls the one service method its {@code op} names. A bad frame answers an {@code error}
 * frame with {@code ref} (the client message id, else the op) and keeps the connection; nothing is stored for it.
 * Stateless, so thread-safe.
 */
@ApplicationScoped
public class FrameHandler {

    /** PROTOCOL.md: frames over 64 KiB answer {@code too_large}. */
    static final int MAX_FRAME_BYTES = 64 * 1024;

    private static final Logger LOG = Logger.getLogger(FrameHandler.class.getName());

    @EJB
    MessageService messages;

    @EJB
    ReceiptService receipts;

    @Inject
    TypingService typing;

    @Inject
    GatewayService gateway;

    @Inject
    ChatConfig config;

    void handle(WebSocketConnection connection, String text) {
        String ref = null;
        try {
            if (text.getBytes(StandardCharsets.UTF_8).length > MAX_FRAME_BYTES) {
                throw new ChatProblem(ProblemCode.TOO_LARGE, "frame over " + MAX_FRAME_BYTES + " bytes");
            }
            JsonObject frame = JsonFields.parseObject(text);
            String op = JsonFields.requireString(frame, "op");
            ref = op;
            switch (op) {
                case "send" -> {
                    ref = JsonFields.optionalString(frame, "client_msg_id").orElse(op);
                    send(connection, frame);
                }
                case "sync" -> sync(connection, JsonFields.requireObject(frame, "cursors"));
                case "ping" -> connection.offer(Frames.pong(System.currentTimeMillis()));
                case "read" -> moveCursor(connection, frame, ReceiptKind.READ);
                case "delivered" -> moveCursor(connection, frame, ReceiptKind.DELIVERED);
                case "typing" -> typing.typing(connection, JsonFields.requireString(frame, "channel"));
                case "presence" -> gateway.setPresence(connection.identity(),
                        PresenceState.settable(JsonFields.requireString(frame, "state")));
                case "view" -> gateway.view(connection, Set.copyOf(JsonFields.stringList(frame, "channels")));
                default -> throw ChatProblem.badRequest("unknown op");
            }
        } catch (ChatProblem problem) {
            connection.offer(Frames.error(problem.code(), problem.getMessage(), ref));
            if (problem.code() == ProblemCode.RATE_LIMITED
                    && connection.rateLimited(config.abuseCloseAfterRejections())) {
                connection.close(WebSocketConnection.CLOSE_ABUSE, "sustained abuse of the send rate");
            }
        } catch (EJBException failure) {
            LOG.log(Level.WARNING, "A frame could not be handled", failure);
            connection.offer(Frames.error(ProblemCode.UNAVAILABLE, "not accepted durably; retry later", ref));
        }
    }

    /**
     * Replays each channel after its cursor, then {@code synced}, in the cursors' order and
     * {@code chat.ws.sync-channels-per-read} channels per read. Live messages of a channel are held back from the start
     * of its read until its replay is queued, so the client sees one gap-free sequence across replay and live delivery.
     * A channel the caller cannot use answers an error with {@code ref} = the channel, and the others are still
     * replayed; a negative cursor refuses the whole frame before anything is replayed.
     */
    private void sync(WebSocketConnection connection, JsonObject seqs) {
        List<SyncCursor> cursors = new ArrayList<>();
        for (String channel : seqs.keySet()) {
            cursors.add(new SyncCursor(channel, JsonFields.requireLong(seqs, channel)));
        }
        int perRead = Math.max(1, config.syncChannelsPerRead());
        for (int from = 0; from < cursors.size(); from += perRead) {
            syncRead(connection, cursors.subList(from, Math.min(cursors.size(), from + perRead)));
        }
    }

    private void syncRead(WebSocketConnection connection, List<SyncCursor> cursors) {
        cursors.forEach(cursor -> connection.holdBack(cursor.channel()));
        ReplayToConnection answers = new ReplayToConnection(connection, cursors);
        try {
            messages.replay(connection.identity(), cursors, answers);
        } finally {
            answers.releaseUnanswered();
        }
    }

    /**
     * Queues one read's replays on the connection and ends each channel's hold-back. Answers come in the cursors'
     * order, so after a failure the channels still held back are the unanswered tail. Used by one thread.
     */
    private static final class ReplayToConnection implements ReplayReceiver {

        private final WebSocketConnection connection;
        private final List<SyncCursor> cursors;
        private int answered;

        ReplayToConnection(WebSocketConnection connection, List<SyncCursor> cursors) {
            this.connection = connection;
            this.cursors = cursors;
        }

        @Override
        public void replayed(Replay replay) {
            replay.messages().forEach(message -> connection.offer(message.toFrame()));
            connection.offer(Frames.synced(replay));
            connection.release(replay.channel(), replay.replayedThrough());
            answered++;
        }

        @Override
        public void refused(String channel, ChatProblem problem) {
            connection.offer(Frames.error(problem.code(), problem.getMessage(), channel));
            connection.release(channel, cursors.get(answered).seq());
            answered++;
        }

        void releaseUnanswered() {
            cursors.subList(answered, cursors.size())
                    .forEach(cursor -> connection.release(cursor.channel(), cursor.seq()));
        }
    }

    private void moveCursor(WebSocketConnection connection, JsonObject frame, ReceiptKind kind) {
        receipts.move(connection.identity(), JsonFields.requireString(frame, "channel"), kind,
                JsonFields.requireLong(frame, "seq"));
    }

    private void send(WebSocketConnection connection, JsonObject frame) {
        SendCommand command = new SendCommand(connection.identity(),
                new ClientMsgId(JsonFields.requireString(frame, "client_msg_id")),
                JsonFields.requireString(frame, "channel"),
                MessageBody.of(JsonFields.requireString(frame, "body"), config.maxBodyChars()));
        connection.offer(Frames.ack(messages.send(command)));
    }
}
