package org.chatserver.it.catchup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.chatserver.it.support.ChatClient;
import org.chatserver.it.support.FreshWorkspaceTest;
import org.chatserver.it.support.ChatSocket;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * PROTOCOL.md's catch-up promise: after a disconnect, {@code sync} with the last {@code seq} seen replays exactly the
 * missed messages, in order, at most 200 per channel, then {@code synced}; REST history pages the rest; a channel the
 * caller cannot see answers {@code unknown_channel}.
 */
class CatchUpIT extends FreshWorkspaceTest {

    private static final int REPLAY_LIMIT = 200;

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
                assertEquals("m" + seq, msg.getString("client_msg_id"));
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

    private JsonObject sync(long cursor) {
        return Json.createObjectBuilder().add("op", "sync")
                .add("cursors", Json.createObjectBuilder().add(channel, cursor)).build();
    }

    /**
     * Alice sends {@code count} messages over REST, their client message ids m&lt;seq&gt;, waiting as the rate limit
     * asks ({@code Retry-After}).
     */
    private void send(int count) throws InterruptedException {
        long first = client.get("/api/v1/channels/" + channel, alice).json().getJsonNumber("last_seq").longValue() + 1;
        for (long seq = first; seq < first + count; seq++) {
            JsonObject body = Json.createObjectBuilder().add("client_msg_id", "m" + seq).add("body", "message " + seq)
                    .build();
            ChatClient.Reply sent = client.post("/api/v1/channels/" + channel + "/messages", alice, body);
            while (sent.status() == 429) {
                Thread.sleep(Long.parseLong(sent.headers().firstValue("Retry-After").orElseThrow()) * 1000);
                sent = client.post("/api/v1/channels/" + channel + "/messages", alice, body);
            }
            assertEquals(201, sent.status(), sent.toString());
            assertEquals(seq, sent.json().getJsonNumber("seq").longValue());
        }
    }
}
