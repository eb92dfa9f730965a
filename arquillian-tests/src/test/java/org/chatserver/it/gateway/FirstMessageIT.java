package org.chatserver.it.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.chatserver.it.support.ChatClient;
import org.chatserver.it.support.ChatSocket;
import org.chatserver.it.support.FirstMessage;
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
 * The foundation's promise, end to end on Payara Micro against the real MariaDB, Redis and Kafka: a token buys a
 * ticket, a ticket buys a {@code hello}, bad tickets are refused with 4001, and alice's message reaches bob's socket
 * through the database, Kafka and Redis with the {@code seq} of her ack, stored on her workspace's shard.
 */
@ExtendWith(ArquillianExtension.class)
class FirstMessageIT {

    private static final int CLOSE_BAD_TICKET = 4001;
    private static final int SHARDS = 4;

    @Deployment(testable = false)
    static WebArchive app() {
        return MicroDeployment.war();
    }

    @ArquillianResource
    URL deployed;

    private ChatClient client;
    private String workspace;

    @BeforeEach
    void freshWorkspace() {
        client = new ChatClient(MicroDeployment.base(deployed));
        workspace = "it-" + UUID.randomUUID();
    }

    @Test
    void aTokenBuysATicketAndTheTicketBuysAHello() {
        String token = client.token(workspace, "alice");
        ChatClient.Reply ticket = client.post("/api/v1/ws/connect", token, null);
        assertEquals(200, ticket.status());
        assertEquals(60_000, ticket.json().getJsonNumber("expires_in_ms").longValue());
        assertTrue(ticket.json().getString("url").startsWith("ws://127.0.0.1:"));

        try (ChatSocket socket = client.connectWithTicket(ticket.json().getString("ticket"))) {
            JsonObject hello = socket.next("hello");
            assertEquals("alice", hello.getString("user"));
            assertEquals(workspace, hello.getString("workspace"));
            assertFalse(hello.getString("session").isEmpty());
            assertTrue(hello.getJsonNumber("heartbeat_ms").longValue() > 0);
        }
    }

    @Test
    void aForgedTicketIsRefusedWith4001() {
        try (ChatSocket socket = client.connectWithTicket("forged-" + UUID.randomUUID())) {
            assertEquals(CLOSE_BAD_TICKET, socket.awaitCloseCode());
            assertEquals(0, socket.pending(), "no frame before the close");
        }
    }

    @Test
    void aReusedTicketIsRefusedWith4001() {
        String token = client.token(workspace, "alice");
        String ticket = client.post("/api/v1/ws/connect", token, null).json().getString("ticket");
        try (ChatSocket first = client.connectWithTicket(ticket)) {
            first.next("hello");
            try (ChatSocket second = client.connectWithTicket(ticket)) {
                assertEquals(CLOSE_BAD_TICKET, second.awaitCloseCode());
            }
        }
    }

    @Test
    void aMissingTicketIsRefusedWith4001() {
        try (ChatSocket socket = client.connectWithTicket("")) {
            assertEquals(CLOSE_BAD_TICKET, socket.awaitCloseCode());
        }
    }

    @Test
    void alicesMessageReachesBobsSocketWithTheSeqOfHerAck() throws SQLException {
        FirstMessage.Outcome first = FirstMessage.aliceToBob(client, "hello bob");
        assertEquals(first.ack().getString("id"), first.ownMsg().getString("id"),
                "the sender's own connection gets it too");
        assertStoredOnlyOnTheWorkspacesShard(first.workspace(), first.ack().getString("id"));
    }

    private static void assertStoredOnlyOnTheWorkspacesShard(String workspace, String messageId)
            throws SQLException {
        int shard = TestStack.shardOf(workspace);
        for (int i = 0; i < SHARDS; i++) {
            try (Connection db = TestStack.database("shard_" + i)) {
                boolean here = exists(db, "select 1 from message where id = ?", messageId)
                        && exists(db, "select 1 from channel where workspace_id = ?", workspace);
                if (i == shard) {
                    assertTrue(here, "message and channel on shard " + i);
                } else {
                    assertNotEquals(true, exists(db, "select 1 from message where id = ?", messageId),
                            "message not on shard " + i);
                }
            }
        }
    }

    private static boolean exists(Connection db, String sql, String value) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, value);
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        }
    }
}
