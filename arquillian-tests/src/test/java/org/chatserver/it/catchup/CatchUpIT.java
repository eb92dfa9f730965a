package org.chatserver.it.catchup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import org.chatserver.it.support.ChatClient;
import org.chatserver.it.support.FreshWorkspaceTest;
import org.chatserver.it.support.ChatSocket;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * PROTOCOL.md's catch-up promise: after a disconnect, {@code sync} with the last {@code seq} seen replays exactly the
 * missed messages, in order, at most 200 per channel, then {@code synced}; REST history pages the rest; a channel the
 * caller cannot see answers {@code unknown_channel}. One {@code sync} of several channels answers them in its cursors'
 * order, each channel's replay whole before the next, however many channels one read of the server takes.
 */
class CatchUpIT extends FreshWorkspaceTest {

    private static final int REPLAY_LIMIT = 200;

    /** More than one read of the server takes ({@code chat.ws.sync-channels-per-read}, 50 by default). */
    private static final int MANY_CHANNELS = 60;

    private static final Set<String> SYNC_ANSWERS = Set.of("msg", "synced", "error");

    private String channel;

    @BeforeEach
    void aliceAndBobShareAChannel() {
        channel = client.post("/api/v1/channels", alice, Json.createObjectBuilder().add("name", "team")
                .add("kind", "private").add("members", Json.createArrayBuilder().add("bob")).build())
                .json().getString("id");
    }

    @Test
    void aMemberWhoWasAwaySyncsExactlyTheMissedMessagesInOrder() throws InterruptedException {
        send(3);
        try (ChatSocket away = client.connect(bob)) {
            away.next("hello");
        }
        send(50);

        try (ChatSocket back = client.connect(bob)) {
            back.next("hello");
            back.send(sync(3));
            for (long seq = 4; seq <= 53; seq++) {
                JsonObject msg = back.next("msg");
                assertEquals(seq, msg.getJsonNumber("seq").longValue());
                assertEquals(clientMsgId(channel, seq), msg.getString("client_msg_id"));
            }
            JsonObject synced = back.next("synced");
            assertEquals(channel, synced.getString("channel"));
            assertEquals(53, synced.getJsonNumber("last_seq").longValue());
            assertFalse(synced.getBoolean("has_more"));
        }
    }

    @Test
    void overTwoHundredMissedSaysHasMoreAndRestPagesTheRest() throws InterruptedException {
        send(230);

        try (ChatSocket back = client.connect(bob)) {
            back.next("hello");
            back.send(sync(0));
            for (long seq = 1; seq <= REPLAY_LIMIT; seq++) {
                assertEquals(seq, back.next("msg").getJsonNumber("seq").longValue());
            }
            JsonObject synced = back.next("synced");
            assertEquals(230, synced.getJsonNumber("last_seq").longValue());
            assertTrue(synced.getBoolean("has_more"));
        }

        ChatClient.Reply rest = client.get("/api/v1/channels/" + channel + "/messages?after_seq=200&limit=200", bob);
        assertEquals(200, rest.status());
        JsonArray page = rest.json().getJsonArray("messages");
        assertEquals(30, page.size());
        assertEquals(201, page.getJsonObject(0).getJsonNumber("seq").longValue());
        assertEquals(230, page.getJsonObject(29).getJsonNumber("seq").longValue());
        assertFalse(rest.json().getBoolean("has_more"));
    }

    @Test
    void aChannelTheCallerCannotSeeAnswersUnknownChannelAndTheConnectionStays() {
        String stranger = client.token("it-" + UUID.randomUUID(), "mallory");
        try (ChatSocket socket = client.connect(stranger)) {
            socket.next("hello");
            socket.send(sync(0));
            JsonObject error = socket.next("error");
            assertEquals("unknown_channel", error.getString("code"));
            assertEquals(channel, error.getString("ref"));

            socket.send(Json.createObjectBuilder().add("op", "ping").build());
            socket.next("pong");
        }
    }

    @Test
    void aSyncOfSeveralChannelsAnswersEachInTheCursorsOrderAndARefusedOneDoesNotStopTheOthers()
            throws InterruptedException {
        send(channel, 3);
        String second = client.post("/api/v1/channels", alice, Json.createObjectBuilder().add("name", "second")
                .add("kind", "private").add("members", Json.createArrayBuilder().add("bob")).build())
                .json().getString("id");
        send(second, 2);
        String lobby = client.publicChannel(alice, "lobby");
        String foreign = client.publicChannel(client.token("it-" + UUID.randomUUID(), "mallory"), "elsewhere");

        try (ChatSocket back = client.connect(bob)) {
            back.next("hello");
            back.send(Json.createObjectBuilder().add("op", "sync").add("cursors", Json.createObjectBuilder()
                    .add(second, 0).add(foreign, 0).add(channel, 1).add(lobby, 0)).build());

            assertReplay(back, second, 1, 2);
            assertRefused(back, foreign, "unknown_channel");
            assertReplay(back, channel, 2, 3);
            assertRefused(back, lobby, "not_member");
        }
    }

    @Test
    void aSyncOfMoreChannelsThanOneReadTakesReplaysEveryChannelInOrder() throws InterruptedException {
        List<String> channels = new ArrayList<>();
        JsonObjectBuilder cursors = Json.createObjectBuilder();
        for (int i = 0; i < MANY_CHANNELS; i++) {
            String id = client.publicChannel(alice, "many-" + i, "bob");
            send(id, 1);
            channels.add(id);
            cursors.add(id, 0);
        }

        try (ChatSocket back = client.connect(bob)) {
            back.next("hello");
            back.send(Json.createObjectBuilder().add("op", "sync").add("cursors", cursors).build());
            for (String id : channels) {
                assertReplay(back, id, 1, 1);
            }
        }
    }

    @Test
    void aSyncWithANegativeCursorIsRefusedWholeAndReplaysNothing() throws InterruptedException {
        send(2);

        try (ChatSocket back = client.connect(bob)) {
            back.next("hello");
            back.send(Json.createObjectBuilder().add("op", "sync").add("cursors", Json.createObjectBuilder()
                    .add(channel, 0).add("elsewhere", -1)).build());
            JsonObject error = nextSyncAnswer(back);
            assertEquals("error", error.getString("op"), error.toString());
            assertEquals("bad_request", error.getString("code"));
            assertEquals("sync", error.getString("ref"));

            back.send(Json.createObjectBuilder().add("op", "ping").build());
            back.next("pong");
            assertTrue(back.received("msg").isEmpty(), back.received("msg").toString());
        }
    }

    /** The next sync answers are the messages {@code fromSeq..toSeq} of {@code channelId}, then its {@code synced}. */
    private static void assertReplay(ChatSocket socket, String channelId, long fromSeq, long toSeq) {
        for (long seq = fromSeq; seq <= toSeq; seq++) {
            JsonObject msg = nextSyncAnswer(socket);
            assertEquals("msg", msg.getString("op"), msg.toString());
            assertEquals(channelId, msg.getString("channel"));
            assertEquals(seq, msg.getJsonNumber("seq").longValue());
        }
        JsonObject synced = nextSyncAnswer(socket);
        assertEquals("synced", synced.getString("op"), synced.toString());
        assertEquals(channelId, synced.getString("channel"));
        assertEquals(toSeq, synced.getJsonNumber("last_seq").longValue());
    }

    private static void assertRefused(ChatSocket socket, String channelId, String code) {
        JsonObject error = nextSyncAnswer(socket);
        assertEquals("error", error.getString("op"), error.toString());
        assertEquals(code, error.getString("code"));
        assertEquals(channelId, error.getString("ref"));
    }

    /** The next {@code msg}, {@code synced} or {@code error} frame: the frames a sync answers with. */
    private static JsonObject nextSyncAnswer(ChatSocket socket) {
        return socket.next(frame -> SYNC_ANSWERS.contains(frame.getString("op", "")), "a sync answer");
    }

    private JsonObject sync(long cursor) {
        return Json.createObjectBuilder().add("op", "sync")
                .add("cursors", Json.createObjectBuilder().add(channel, cursor)).build();
    }

    private void send(int count) throws InterruptedException {
        send(channel, count);
    }

    /**
     * Alice sends {@code count} messages to {@code channelId} over REST, each with its {@link #clientMsgId}, waiting as
     * the rate limit asks ({@code Retry-After}).
     */
    private void send(String channelId, int count) throws InterruptedException {
        long first = client.get("/api/v1/channels/" + channelId, alice).json().getJsonNumber("last_seq").longValue()
                + 1;
        for (long seq = first; seq < first + count; seq++) {
            JsonObject body = Json.createObjectBuilder().add("client_msg_id", clientMsgId(channelId, seq))
                    .add("body", "message " + seq).build();
            ChatClient.Reply sent = client.post("/api/v1/channels/" + channelId + "/messages", alice, body);
            while (sent.status() == 429) {
                Thread.sleep(Long.parseLong(sent.headers().firstValue("Retry-After").orElseThrow()) * 1000);
                sent = client.post("/api/v1/channels/" + channelId + "/messages", alice, body);
            }
            assertEquals(201, sent.status(), sent.toString());
            assertEquals(seq, sent.json().getJsonNumber("seq").longValue());
        }
    }

    /** A client message id is alice's across all channels, so it names the channel as well as the seq. */
    private static String clientMsgId(String channelId, long seq) {
        return "m" + seq + "_" + channelId;
    }
}
