package org.chatserver.it.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.chatserver.it.support.ChatClient;
import org.chatserver.it.support.ChatSocket;
import org.chatserver.it.support.MicroDeployment;
import org.chatserver.it.support.TestStack;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Order and idempotency: members sending at once into one channel are all seen by every member in the same gap-free
 * sequence, each sender's messages in the order sent; a repeated client message id, over WebSocket or REST, on any
 * connection, concurrently or not, stores one message and answers the original; a send refused among concurrent sends
 * (which the server may commit together) is refused alone; and every message, once published, leaves the outbox.
 */
@ExtendWith(ArquillianExtension.class)
class DeliveryGuaranteesIT {

    private static final List<String> MEMBERS = List.of("alice", "bob", "carol");
    private static final int PER_SENDER = 20;
    /**
     * How long published messages may stay in the outbox: Kafka's confirmations are forgotten in the background, and
     * a message whose confirmation was not recorded is republished by the sweep after its grace period.
     */
    private static final Duration OUTBOX_DRAINED = Duration.ofSeconds(30);

    @Deployment(testable = false)
    static WebArchive app() {
        return MicroDeployment.war();
    }

    @ArquillianResource
    URL deployed;

    private ChatClient client;
    private String workspace;
    private Map<String, String> tokens;
    private String channel;

    @BeforeEach
    void threeMembersShareAChannel() {
        client = new ChatClient(MicroDeployment.base(deployed));
        workspace = "it-" + UUID.randomUUID();
        tokens = MEMBERS.stream().collect(Collectors.toMap(user -> user, user -> client.token(workspace, user)));
        channel = client.post("/api/v1/channels", tokens.get("alice"), Json.createObjectBuilder()
                .add("name", "busy").add("kind", "public")
                .add("members", Json.createArrayBuilder().add("bob").add("carol")).build()).json().getString("id");
    }

    @Test
    void membersSendingAtOnceAllSeeOneGapFreeSequenceWithEachSendersOrderKept() throws Exception {
        List<ChatSocket> sockets = new ArrayList<>();
        ExecutorService senders = Executors.newFixedThreadPool(MEMBERS.size());
        try {
            for (String member : MEMBERS) {
                ChatSocket socket = client.connect(tokens.get(member));
                socket.next("hello");
                sockets.add(socket);
            }
            List<Future<?>> sent = new ArrayList<>();
            for (int m = 0; m < MEMBERS.size(); m++) {
                ChatSocket socket = sockets.get(m);
                String sender = MEMBERS.get(m);
                sent.add(senders.submit(() -> {
                    for (int i = 0; i < PER_SENDER; i++) {
                        socket.send(send(sender + "-" + i, "from " + sender));
                    }
                }));
            }
            for (Future<?> done : sent) {
                done.get(ChatSocket.WAIT.toSeconds(), TimeUnit.SECONDS);
            }

            int total = MEMBERS.size() * PER_SENDER;
            List<String> firstSeen = null;
            for (ChatSocket socket : sockets) {
                List<String> seen = new ArrayList<>();
                for (long seq = 1; seq <= total; seq++) {
                    JsonObject msg = socket.next("msg");
                    assertEquals(seq, msg.getJsonNumber("seq").longValue(), "gap-free and in order");
                    seen.add(msg.getString("client_msg_id"));
                }
                for (String sender : MEMBERS) {
                    List<String> own = seen.stream().filter(id -> id.startsWith(sender + "-")).toList();
                    List<String> inOrder = new ArrayList<>();
                    for (int i = 0; i < PER_SENDER; i++) {
                        inOrder.add(sender + "-" + i);
                    }
                    assertEquals(inOrder, own, sender + "'s messages in the order sent");
                }
                if (firstSeen == null) {
                    firstSeen = seen;
                } else {
                    assertEquals(firstSeen, seen, "every member sees the same message at the same seq");
                }
            }
        } finally {
            senders.shutdownNow();
            sockets.forEach(ChatSocket::close);
        }
    }

    @Test
    void aRepeatedClientMessageIdOverWebSocketAndRestStoresOneMessage() {
        String alice = tokens.get("alice");
        try (ChatSocket first = client.connect(alice); ChatSocket second = client.connect(alice)) {
            first.next("hello");
            second.next("hello");

            first.send(send("once", "the original"));
            JsonObject original = first.next("ack");
            assertEquals(false, original.getBoolean("duplicate"));

            second.send(Json.createObjectBuilder().add("op", "send").add("client_msg_id", "once")
                    .add("channel", channel).add("body", "a different body").build());
            JsonObject replay = second.next("ack");
            assertEquals(true, replay.getBoolean("duplicate"));
            for (String field : List.of("id", "channel", "client_msg_id")) {
                assertEquals(original.getString(field), replay.getString(field), field);
            }
            for (String field : List.of("seq", "ts")) {
                assertEquals(original.getJsonNumber(field), replay.getJsonNumber(field), field);
            }

            ChatClient.Reply overRest = client.post("/api/v1/channels/" + channel + "/messages", alice,
                    Json.createObjectBuilder().add("client_msg_id", "once").add("body", "again").build());
            assertEquals(200, overRest.status(), "a replay over REST answers 200");
            assertEquals(original.getString("id"), overRest.json().getString("id"));
            assertEquals(original.getJsonNumber("seq"), overRest.json().getJsonNumber("seq"));
        }
        assertEquals(1, history().size(), "history shows it once");
    }

    @Test
    void concurrentRepeatsOfOneClientMessageIdStoreOneMessage() throws Exception {
        String bob = tokens.get("bob");
        ExecutorService senders = Executors.newFixedThreadPool(8);
        try {
            List<Callable<ChatClient.Reply>> sends = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                sends.add(() -> client.post("/api/v1/channels/" + channel + "/messages", bob,
                        Json.createObjectBuilder().add("client_msg_id", "racy").add("body", "same").build()));
            }
            List<ChatClient.Reply> replies = new ArrayList<>();
            for (Future<ChatClient.Reply> reply : senders.invokeAll(sends)) {
                replies.add(reply.get());
            }
            assertEquals(1, replies.stream().filter(reply -> reply.status() == 201).count(), replies.toString());
            assertTrue(replies.stream().allMatch(reply -> reply.status() == 201 || reply.status() == 200));
            assertEquals(1, replies.stream().map(reply -> reply.json().getString("id")).distinct().count());
        } finally {
            senders.shutdownNow();
        }
        assertEquals(1, history().size());
    }

    @Test
    void aSendRefusedAmongConcurrentSendsIsRefusedAloneAndTheOthersAreStoredGapFree() throws Exception {
        String outsider = client.token(workspace, "dave");
        int rounds = 4;
        ExecutorService senders = Executors.newFixedThreadPool(rounds * (MEMBERS.size() + 1));
        try {
            List<Callable<ChatClient.Reply>> sends = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                for (String sender : MEMBERS) {
                    sends.add(restSend(tokens.get(sender), sender + "-" + round));
                }
                sends.add(restSend(outsider, "dave-" + round));
            }
            List<ChatClient.Reply> replies = new ArrayList<>();
            for (Future<ChatClient.Reply> reply : senders.invokeAll(sends)) {
                replies.add(reply.get());
            }

            for (int i = 0; i < replies.size(); i++) {
                ChatClient.Reply reply = replies.get(i);
                boolean fromOutsider = i % (MEMBERS.size() + 1) == MEMBERS.size();
                assertEquals(fromOutsider ? 403 : 201, reply.status(), reply.toString());
                if (fromOutsider) {
                    assertEquals("not_member", reply.code(), reply.toString());
                }
            }
        } finally {
            senders.shutdownNow();
        }
        List<Long> seqs = history().stream().map(msg -> msg.getJsonNumber("seq").longValue()).toList();
        assertEquals(LongStream.rangeClosed(1, rounds * MEMBERS.size()).boxed().toList(), seqs,
                "every member's send stored once, gap-free, and nothing of the outsider's");
    }

    @Test
    void messagesSentAtOnceIntoTwoChannelsAllLeaveTheOutboxOncePublished() throws Exception {
        String other = client.post("/api/v1/channels", tokens.get("alice"), Json.createObjectBuilder()
                .add("name", "other").add("kind", "public").build()).json().getString("id");
        ExecutorService senders = Executors.newFixedThreadPool(2 * MEMBERS.size());
        try {
            List<Callable<ChatClient.Reply>> sends = new ArrayList<>();
            for (int i = 0; i < PER_SENDER; i++) {
                for (String sender : MEMBERS) {
                    sends.add(restSend(tokens.get(sender), sender + "-" + i));
                }
                sends.add(restSend(other, tokens.get("alice"), "other-" + i));
            }
            for (Future<ChatClient.Reply> reply : senders.invokeAll(sends)) {
                assertEquals(201, reply.get().status(), reply.get().toString());
            }
        } finally {
            senders.shutdownNow();
        }

        long deadline = System.nanoTime() + OUTBOX_DRAINED.toNanos();
        long waiting = outboxEntries(channel, other);
        while (waiting > 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            waiting = outboxEntries(channel, other);
        }
        assertEquals(0, waiting, "outbox entries of the two channels left " + OUTBOX_DRAINED + " after the acks");
    }

    /** How many messages of the two channels wait in their shard's outbox. */
    private long outboxEntries(String first, String second) throws SQLException {
        try (Connection shard = TestStack.database("shard_" + TestStack.shardOf(workspace));
                PreparedStatement query = shard.prepareStatement(
                        "select count(*) from outbox where channel_id in (?, ?)")) {
            query.setString(1, first);
            query.setString(2, second);
            try (ResultSet count = query.executeQuery()) {
                count.next();
                return count.getLong(1);
            }
        }
    }

    private Callable<ChatClient.Reply> restSend(String token, String clientMsgId) {
        return restSend(channel, token, clientMsgId);
    }

    private Callable<ChatClient.Reply> restSend(String into, String token, String clientMsgId) {
        return () -> client.post("/api/v1/channels/" + into + "/messages", token,
                Json.createObjectBuilder().add("client_msg_id", clientMsgId).add("body", "at once").build());
    }

    private List<JsonObject> history() {
        return client.get("/api/v1/channels/" + channel + "/messages", tokens.get("alice")).json()
                .getJsonArray("messages").getValuesAs(JsonObject.class);
    }

    private JsonObject send(String clientMsgId, String body) {
        return Json.createObjectBuilder().add("op", "send").add("client_msg_id", clientMsgId)
                .add("channel", channel).add("body", body).build();
    }
}
