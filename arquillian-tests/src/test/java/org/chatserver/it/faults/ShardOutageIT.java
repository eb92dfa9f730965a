package org.chatserver.it.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.chatserver.it.support.ChatClient;
import org.chatserver.it.support.ChatSocket;
import org.chatserver.it.support.MicroProcess;
import org.chatserver.it.support.TcpProxy;
import org.chatserver.it.support.TestStack;
import org.junit.jupiter.api.Test;

/**
 * One shard database down (ARCHITECTURE.md: a tenant's data lives on one shard): the server reaches shard 1 through a
 * TCP proxy the test stops, as a database server that went down. Sends of a workspace on that shard answer 503
 * {@code unavailable} (REST problem document, WebSocket {@code error} frame) and store nothing; a workspace on another
 * shard keeps working; when the shard is back, the same sends are accepted once, at gap-free seqs.
 */
class ShardOutageIT {

    private static final int DOWN_SHARD = 1;
    private static final int HEALTHY_SHARD = 0;
    private static final int MARIADB_PORT = 3306;

    @Test
    void sendsOfAWorkspaceWhoseShardIsDownAnswerUnavailableWhileOtherShardsWork() throws Exception {
        String down = "it-down-" + UUID.randomUUID();
        String healthy = "it-up-" + UUID.randomUUID();
        place(down, DOWN_SHARD);
        place(healthy, HEALTHY_SHARD);

        try (TcpProxy shard = new TcpProxy(MARIADB_PORT);
                MicroProcess payara = new MicroProcess(Path.of("target", "shard-outage-it.log"), postBootVia(shard))) {
            shard.start();
            payara.start();
            ChatClient client = new ChatClient(payara.base());
            String alice = client.token(down, "alice");
            String bob = client.token(down, "bob");
            String carol = client.token(healthy, "carol");
            String dave = client.token(healthy, "dave");
            String downChannel = client.publicChannel(alice, "ops", "bob");
            String upChannel = client.publicChannel(carol, "ops", "dave");

            try (ChatSocket alices = client.connect(alice); ChatSocket bobs = client.connect(bob);
                    ChatSocket daves = client.connect(dave)) {
                for (ChatSocket socket : List.of(alices, bobs, daves)) {
                    socket.next("hello");
                    socket.keepAlive(Duration.ofSeconds(1));
                }
                assertEquals(201, send(client, alice, downChannel, "before").status());
                assertEquals(1, bobs.next("msg").getJsonNumber("seq").longValue());

                shard.stop();

                ChatClient.Reply refused = send(client, alice, downChannel, "rest-during");
                assertEquals(503, refused.status(), refused.toString());
                assertEquals("unavailable", refused.code());
                assertTrue(refused.contentType().startsWith("application/problem+json"), refused.contentType());
                alices.send(Json.createObjectBuilder().add("op", "send").add("client_msg_id", "ws-during")
                        .add("channel", downChannel).add("body", "text ws-during").build());
                JsonObject error = alices.next("error");
                assertEquals("unavailable", error.getString("code"));
                assertEquals("ws-during", error.getString("ref"));

                ChatClient.Reply other = send(client, carol, upChannel, "elsewhere");
                assertEquals(201, other.status(), "another shard's workspace keeps working: " + other);
                assertEquals(1, daves.next("msg").getJsonNumber("seq").longValue(), "and its members receive");
                assertTrue(!alices.isClosed() && !bobs.isClosed(), "the refused sender's connections are kept");

                shard.start();

                ChatClient.Reply retried = awaitAccepted(client, alice, downChannel, "rest-during");
                assertEquals(201, retried.status(), "the refused send was not stored: its retry is new");
                assertEquals(2, retried.json().getJsonNumber("seq").longValue(), "no seq was used by the outage");
                alices.send(Json.createObjectBuilder().add("op", "send").add("client_msg_id", "ws-during")
                        .add("channel", downChannel).add("body", "text ws-during").build());
                JsonObject ack = alices.next("ack");
                assertEquals(3, ack.getJsonNumber("seq").longValue());
                assertEquals(false, ack.getBoolean("duplicate"));
                assertEquals(2, bobs.next("msg").getJsonNumber("seq").longValue(), "delivery goes on, in order");
                assertEquals(3, bobs.next("msg").getJsonNumber("seq").longValue());
            }

            ChatClient.Reply history = client.get("/api/v1/channels/" + downChannel + "/messages", bob);
            List<JsonObject> messages = history.json().getJsonArray("messages").getValuesAs(JsonObject.class);
            assertEquals(List.of("before", "rest-during", "ws-during"),
                    messages.stream().map(m -> m.getString("client_msg_id")).toList(), "each once, nothing else");
        }
    }

    /** Places a workspace on a shard before its first use, as an operator does for a large tenant. */
    private static void place(String workspace, int shard) throws Exception {
        try (Connection directory = TestStack.database("directory");
                PreparedStatement insert = directory.prepareStatement(
                        "INSERT INTO workspace_placement (workspace_id, shard_index, created_at) VALUES (?, ?, ?)")) {
            insert.setString(1, workspace);
            insert.setInt(2, shard);
            insert.setLong(3, System.currentTimeMillis());
            insert.executeUpdate();
        }
    }

    /** The stack's post-boot commands, with the down shard's pool going through {@code proxy}. */
    private static Path postBootVia(TcpProxy proxy) throws Exception {
        String shardDatabase = TestStack.dbPrefix() + "shard_" + DOWN_SHARD + "?";
        String direct = "127.0.0.1\\:" + MARIADB_PORT + "/" + shardDatabase;
        String commands = Files.readString(TestStack.stateDir().resolve("payara/post-boot.asadmin"));
        assertTrue(commands.contains(direct), "the stack's pool URL of shard " + DOWN_SHARD);
        Path file = Path.of("target", "shard-outage-post-boot.asadmin");
        Files.writeString(file, commands.replace(direct, "127.0.0.1\\:" + proxy.port() + "/" + shardDatabase));
        return file;
    }

    private static ChatClient.Reply send(ChatClient client, String token, String channel, String clientMsgId) {
        return client.post("/api/v1/channels/" + channel + "/messages", token,
                Json.createObjectBuilder().add("client_msg_id", clientMsgId).add("body", "text " + clientMsgId)
                        .build());
    }

    /** Retries a send while the shard's pool reconnects; answers the first reply that is not 503. */
    private static ChatClient.Reply awaitAccepted(ChatClient client, String token, String channel, String clientMsgId)
            throws InterruptedException {
        long deadline = System.nanoTime() + ChatSocket.WAIT.toNanos();
        ChatClient.Reply reply = send(client, token, channel, clientMsgId);
        while (reply.status() == 503 && System.nanoTime() < deadline) {
            Thread.sleep(500);
            reply = send(client, token, channel, clientMsgId);
        }
        return reply;
    }
}
