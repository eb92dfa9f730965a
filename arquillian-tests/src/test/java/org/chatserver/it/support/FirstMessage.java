package org.chatserver.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * The first message of the foundation, as every deployable must carry it: alice creates a public channel with bob,
 * both connect, alice sends over the WebSocket; she gets an {@code ack} at seq 1, and bob's socket the {@code msg}
 * with the same id and seq, through the database, Kafka and Redis. Asserts all of that.
 */
public final class FirstMessage {

    private FirstMessage() {
    }

    /** What the exchange produced, for further checks. */
    public record Outcome(String workspace, String channel, JsonObject ack, JsonObject msg, JsonObject ownMsg) {
    }

    public static Outcome aliceToBob(ChatClient client, String body) {
        String workspace = "it-" + UUID.randomUUID();
        String alice = client.token(workspace, "alice");
        String bob = client.token(workspace, "bob");
        ChatClient.Reply created = client.post("/api/v1/channels", alice, Json.createObjectBuilder()
                .add("name", "general").add("kind", "public").add("members", Json.createArrayBuilder().add("bob"))
                .build());
        assertEquals(201, created.status(), created.toString());
        String channel = created.json().getString("id");

        try (ChatSocket bobs = client.connect(bob); ChatSocket alices = client.connect(alice)) {
            bobs.next("hello");
            alices.next("hello");
            alices.send(Json.createObjectBuilder().add("op", "send").add("client_msg_id", "first-1")
                    .add("channel", channel).add("body", body).build());

            JsonObject ack = alices.next("ack");
            assertEquals("first-1", ack.getString("client_msg_id"));
            assertEquals(channel, ack.getString("channel"));
            assertEquals(1, ack.getJsonNumber("seq").longValue());
            assertFalse(ack.getBoolean("duplicate"));

            JsonObject msg = bobs.next("msg");
            assertEquals(channel, msg.getString("channel"));
            assertEquals(ack.getString("id"), msg.getString("id"));
            assertEquals(ack.getJsonNumber("seq").longValue(), msg.getJsonNumber("seq").longValue());
            assertEquals(ack.getJsonNumber("ts").longValue(), msg.getJsonNumber("ts").longValue());
            assertEquals("alice", msg.getString("from"));
            assertEquals(body, msg.getString("body"));
            assertEquals("first-1", msg.getString("client_msg_id"));
            return new Outcome(workspace, channel, ack, msg, alices.next("msg"));
        }
    }
}
