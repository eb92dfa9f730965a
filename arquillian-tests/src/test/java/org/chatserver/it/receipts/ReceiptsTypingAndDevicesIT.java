package org.chatserver.it.receipts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.chatserver.it.support.ChatClient;
import org.chatserver.it.support.FreshWorkspaceTest;
import org.chatserver.it.support.ChatSocket;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Receipts, unread counts, typing and multi-device (PROTOCOL.md sections 2 and 3): read and delivered cursors move
 * forward only and are announced to the other members; {@code unread} is exact; typing is relayed, throttled and
 * never stored; every device of a user gets every frame meant for the user.
 */
class ReceiptsTypingAndDevicesIT extends FreshWorkspaceTest {

    /** How long a test waits to be sure a frame does not come. */
    private static final Duration QUIET = Duration.ofSeconds(2);

    private String channel;

    @BeforeEach
    void aliceAndBobInAChannel() {
        channel = client.publicChannel(alice, "team", "bob");
    }

    @Test
    void unreadCountsAreExactAndTheReadCursorNeverGoesBackwards() {
        for (int i = 1; i <= 5; i++) {
            send(alice, "m" + i);
        }
        assertEquals(5, mine(bob).getInt("unread"));
        assertEquals(0, mine(alice).getInt("unread"), "sending moves the sender's own read cursor");

        assertEquals(204, read(bob, 3).status());
        JsonObject bobsView = mine(bob);
        assertEquals(3, bobsView.getInt("last_read_seq"));
        assertEquals(2, bobsView.getInt("unread"));

        assertEquals(204, read(bob, 1).status(), "an older cursor is accepted and ignored");
        assertEquals(3, mine(bob).getInt("last_read_seq"));

        assertEquals(400, read(bob, 6).status(), "beyond the newest message");
        assertEquals(400, read(bob, -1).status());
        assertEquals(3, mine(bob).getInt("last_read_seq"));
    }

    @Test
    void readAndDeliveredOverTheSocketReachTheOtherMembersAsReceipts() {
        send(alice, "one");
        send(alice, "two");
        try (ChatSocket alices = client.connect(alice); ChatSocket bobs = client.connect(bob)) {
            alices.next("hello");
            bobs.next("hello");

            bobs.send(Json.createObjectBuilder().add("op", "delivered").add("channel", channel).add("seq", 2).build());
            JsonObject delivered = alices.next("receipt");
            assertEquals("bob", delivered.getString("user"));
            assertEquals("delivered", delivered.getString("kind"));
            assertEquals(2, delivered.getInt("seq"));

            bobs.send(Json.createObjectBuilder().add("op", "read").add("channel", channel).add("seq", 2).build());
            JsonObject read = alices.next("receipt");
            assertEquals("read", read.getString("kind"));
            assertEquals(2, read.getInt("seq"));
            assertEquals(0, mine(bob).getInt("unread"));

            bobs.send(Json.createObjectBuilder().add("op", "read").add("channel", channel).add("seq", 1).build());
            assertFalse(waitFor(alices, "receipt"), "a cursor that does not move announces nothing");
            assertFalse(bobs.hasPending(frame -> "receipt".equals(frame.getString("op"))),
                    "a member does not get receipts of its own cursor");
        }
    }

    @Test
    void typingIsRelayedToTheOthersAtMostOnceASecondAndNeverStored() {
        try (ChatSocket alices = client.connect(alice); ChatSocket bobs = client.connect(bob)) {
            alices.next("hello");
            bobs.next("hello");
            JsonObject typing = Json.createObjectBuilder().add("op", "typing").add("channel", channel).build();
            for (int i = 0; i < 10; i++) {
                bobs.send(typing);
            }
            JsonObject relayed = alices.next("typing");
            assertEquals("bob", relayed.getString("user"));
            assertEquals(channel, relayed.getString("channel"));
            assertFalse(waitFor(alices, "typing"), "ten signals within a second are relayed once");
            assertFalse(bobs.hasPending(frame -> "typing".equals(frame.getString("op"))), "not to the typist");

            bobs.send(typing);
            alices.next("typing");
        }
        JsonObject history = client.get("/api/v1/channels/" + channel + "/messages", alice).json();
        assertEquals(0, history.getJsonArray("messages").size());
    }

    @Test
    void typingInAChannelOfOthersAnswersAnError() {
        String other = client.publicChannel(alice, "elsewhere");
        try (ChatSocket bobs = client.connect(bob)) {
            bobs.next("hello");
            bobs.send(Json.createObjectBuilder().add("op", "typing").add("channel", other).build());
            JsonObject error = bobs.next("error");
            assertEquals("not_member", error.getString("code"));
            assertEquals("typing", error.getString("ref"));
        }
    }

    @Test
    void everyDeviceOfAUserGetsMessagesIncludingTheSendersOtherDevice() {
        try (ChatSocket alicesPhone = client.connect(alice); ChatSocket alicesDesk = client.connect(alice);
                ChatSocket bobsPhone = client.connect(bob); ChatSocket bobsDesk = client.connect(bob)) {
            for (ChatSocket socket : new ChatSocket[] {alicesPhone, alicesDesk, bobsPhone, bobsDesk}) {
                socket.next("hello");
            }
            alicesPhone.send(Json.createObjectBuilder().add("op", "send").add("client_msg_id", "dev-1")
                    .add("channel", channel).add("body", "from the phone").build());
            long seq = alicesPhone.next("ack").getJsonNumber("seq").longValue();
            for (ChatSocket socket : new ChatSocket[] {alicesPhone, alicesDesk, bobsPhone, bobsDesk}) {
                JsonObject msg = socket.next("msg");
                assertEquals(seq, msg.getJsonNumber("seq").longValue());
                assertEquals("alice", msg.getString("from"));
            }
        }
    }

    private void send(String token, String body) {
        ChatClient.Reply sent = client.post("/api/v1/channels/" + channel + "/messages", token,
                Json.createObjectBuilder().add("client_msg_id", UUID.randomUUID().toString()).add("body", body)
                        .build());
        assertEquals(201, sent.status());
    }

    private ChatClient.Reply read(String token, long seq) {
        return client.post("/api/v1/channels/" + channel + "/read", token,
                Json.createObjectBuilder().add("seq", seq).build());
    }

    private JsonObject mine(String token) {
        return client.get("/api/v1/channels/" + channel, token).json();
    }

    private static boolean waitFor(ChatSocket socket, String op) {
        try {
            socket.next(frame -> op.equals(frame.getString("op")), op, QUIET);
            return true;
        } catch (AssertionError none) {
            return false;
        }
    }
}
