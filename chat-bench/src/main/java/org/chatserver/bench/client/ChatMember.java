package org.chatserver.bench.client;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One simulated user with one WebSocket connection at a time: the client side of PROTOCOL.md that the benchmarks
 * need. It keeps, per channel, the last seq it has in order; drops seqs it already has (counted as duplicates); on a
 * gap it {@code sync}s that channel; after a reconnect {@link #syncAll()} catches up every channel.
 *
 * <p>Frames arrive on one event-loop thread at a time; the cursors are guarded by {@code this}, so sends and syncs
 * may be requested from any thread. Logs nothing: bodies and tokens never leave this object.
 */
public final class ChatMember implements FrameListener {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonStringEncoder ESCAPE = JsonStringEncoder.getInstance();

    private final int index;
    private final String user;
    private final String token;
    private final MemberEvents events;
    private final Map<String, Cursor> cursors = new LinkedHashMap<>();
    private volatile WsConnection connection;
    private volatile CompletableFuture<ChatMember> hello = new CompletableFuture<>();
    private boolean resyncing;

    /**
     * @param index  the member's number in its scenario (picks its source address)
     * @param user   user id
     * @param token  its JWT
     * @param events where frames are reported
     */
    public ChatMember(int index, String user, String token, MemberEvents events) {
        this.index = index;
        this.user = user;
        this.token = token;
        this.events = events;
    }

    /** @return the member's number in its scenario */
    public int index() {
        return index;
    }

    /** @return the user's JWT, for REST calls on its behalf (never to be logged) */
    public String token() {
        return token;
    }

    /** @return the user id */
    public String user() {
        return user;
    }

    /** Records membership of a channel whose messages up to {@code lastSeq} the member already has. */
    public synchronized void joined(String channel, long lastSeq) {
        cursors.put(channel, new Cursor(lastSeq));
    }

    /** @return the last seq of the channel the member has in order, or -1 if not a member */
    public synchronized long lastSeq(String channel) {
        Cursor c = cursors.get(channel);
        return c == null ? -1 : c.last;
    }

    /** @return the channels the member is in */
    public synchronized List<String> channels() {
        return new ArrayList<>(cursors.keySet());
    }

    /**
     * Takes a ticket (blocking REST call) and opens the WebSocket.
     *
     * @return completes when {@code hello} arrived
     * @throws IOException if the ticket cannot be had
     */
    public CompletableFuture<ChatMember> connect(ChatRest rest, WsConnector connector, InetAddress sourceAddress)
            throws IOException {
        CompletableFuture<ChatMember> next = new CompletableFuture<>();
        hello = next;
        String ticket = rest.ticket(token);
        connector.connect(rest.webSocketUri(ticket), sourceAddress, this).whenComplete((c, e) -> {
            if (e != null) {
                next.completeExceptionally(e);
            } else {
                connection = c;
            }
        });
        return next;
    }

    /** @return whether the member's socket is open */
    public boolean isConnected() {
        WsConnection c = connection;
        return c != null && c.isOpen() && hello.isDone() && !hello.isCompletedExceptionally();
    }

    /** Sends a message over the WebSocket; the body must be plain ASCII without quotes or backslashes. */
    public void send(String channel, String clientMsgId, String body) {
        WsConnection c = connection;
        if (c != null) {
            c.send("{\"op\":\"send\",\"client_msg_id\":\"" + clientMsgId + "\",\"channel\":\""
                    + new String(ESCAPE.quoteAsString(channel)) + "\",\"body\":\"" + body + "\"}");
        }
    }

    /** Asks for a replay of every channel after the member's cursors; {@link MemberEvents#onResynced} ends it. */
    public void syncAll() {
        Map<String, Long> request = new HashMap<>();
        synchronized (this) {
            resyncing = true;
            cursors.forEach((channel, cursor) -> {
                cursor.syncing = true;
                request.put(channel, cursor.last);
            });
        }
        sendSync(request);
    }

    /** Closes the socket (code 1000). */
    public void disconnect() {
        WsConnection c = connection;
        if (c != null) {
            c.close();
        }
    }

    @Override
    public void onText(WsConnection from, String text, long receivedNanos) {
        ServerFrame frame;
        try {
            frame = ServerFrame.parse(text);
        } catch (IOException e) {
            events.onError(this, "unparseable_frame", "");
            return;
        }
        switch (frame.op()) {
            case "msg" -> onMsg(frame, receivedNanos);
            case "ack" -> events.onAck(this, frame.clientMsgId(), frame.channel(), frame.seq(), receivedNanos);
            case "synced" -> onSynced(frame.channel(), frame.hasMore());
            case "hello" -> {
                events.onHello(this);
                hello.complete(this);
            }
            case "error" -> events.onError(this, frame.code(), frame.ref());
            default -> {
                // presence, typing, receipt, member, pong: not measured
            }
        }
    }

    private void onMsg(ServerFrame frame, long receivedNanos) {
        String channel = frame.channel();
        long seq = frame.seq();
        String clientMsgId = frame.clientMsgId();
        long expected;
        boolean startSync = false;
        synchronized (this) {
            Cursor cursor = cursors.computeIfAbsent(channel, c -> new Cursor(seq - 1));
            expected = cursor.last + 1;
            if (seq == expected) {
                cursor.last = seq;
            } else if (seq > expected && !cursor.syncing) {
                cursor.syncing = true;
                startSync = true;
            }
        }
        if (seq == expected) {
            events.onMessage(this, channel, seq, frame.from(), clientMsgId, receivedNanos);
        } else if (seq < expected) {
            events.onDuplicate(this, channel, seq, clientMsgId);
        } else {
            events.onGap(this, channel, expected, seq);
            if (startSync) {
                sendSync(Map.of(channel, expected - 1));
            }
        }
    }

    private void onSynced(String channel, boolean hasMore) {
        Map<String, Long> again = null;
        boolean done = false;
        synchronized (this) {
            Cursor cursor = cursors.get(channel);
            if (cursor == null) {
                return;
            }
            if (hasMore) {
                again = Map.of(channel, cursor.last);
            } else {
                cursor.syncing = false;
                if (resyncing && cursors.values().stream().noneMatch(c -> c.syncing)) {
                    resyncing = false;
                    done = true;
                }
            }
        }
        if (again != null) {
            sendSync(again);
        } else if (done) {
            events.onResynced(this);
        }
    }

    private void sendSync(Map<String, Long> request) {
        WsConnection c = connection;
        if (c == null) {
            return;
        }
        try {
            c.send(JSON.writeValueAsString(Map.of("op", "sync", "cursors", request)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void onClosed(WsConnection from, int code) {
        hello.completeExceptionally(new IllegalStateException("closed with " + code + " before hello"));
        synchronized (this) {
            cursors.values().forEach(c -> c.syncing = false);
            resyncing = false;
        }
        events.onClosed(this, code);
    }

    /** A channel's position; guarded by the member. */
    private static final class Cursor {
        long last;
        boolean syncing;

        Cursor(long last) {
            this.last = last;
        }
    }
}
