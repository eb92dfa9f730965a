package org.chatserver.it.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.chatserver.it.support.ChatClient;
import org.chatserver.it.support.ChatSocket;
import org.chatserver.it.support.MicroDeployment;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Connection rules of PROTOCOL.md: a client silent for two heartbeat intervals is closed with 1001 while one that
 * pings stays; sends over the rate (20/s, bursts of 50) answer {@code rate_limited} (REST: 429 with
 * {@code Retry-After}) and keep the connection; sustained abuse closes it with 4029. The test server announces a
 * 4 s heartbeat (arquillian.xml).
 */
@ExtendWith(ArquillianExtension.class)
class ConnectionsIT {

    private static final int BURST = 50;

    /** Sends come from several connections (or threads) at once: one connection's frames are handled in turn. */
    private static final int PARALLEL = 4;
    private static final int PER_CONNECTION = 50;

    /**
     * REST senders at once: enough that requests arrive faster than the rate even when each accepted send takes a
     * database commit (a refused one costs nothing and frees its sender at once).
     */
    private static final int REST_SENDERS = 16;

    @Deployment(testable = false)
    static WebArchive app() {
        return MicroDeployment.war();
    }

    @ArquillianResource
    URL deployed;

    private ChatClient client;
    private String alice;
    private String channel;

    @BeforeEach
    void aliceHasAChannel() {
        client = new ChatClient(MicroDeployment.base(deployed));
        alice = client.token("it-" + UUID.randomUUID(), "alice");
        channel = client.publicChannel(alice, "c");
    }

    @Test
    void aSilentClientIsClosedWith1001WhileAPingingOneStays() throws InterruptedException {
        try (ChatSocket silent = client.connect(alice); ChatSocket pinging = client.connect(alice)) {
            long heartbeatMs = silent.next("hello").getJsonNumber("heartbeat_ms").longValue();
            pinging.next("hello");
            long until = System.currentTimeMillis() + 3 * heartbeatMs;
            while (System.currentTimeMillis() < until) {
                pinging.send(Json.createObjectBuilder().add("op", "ping").build());
                assertTrue(pinging.next("pong").getJsonNumber("ts").longValue() > 0);
                Thread.sleep(heartbeatMs / 2);
            }
            assertEquals(1001, silent.awaitCloseCode());
            assertFalse(pinging.isClosed(), "a client that pings is kept");
        }
    }

    @Test
    void sendsOverTheRateAreRefusedWithRateLimitedAndTheConnectionsStay() {
        List<ChatSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < PARALLEL; i++) {
                ChatSocket socket = client.connect(alice);
                socket.next("hello");
                sockets.add(socket);
            }
            for (int round = 0; round < PER_CONNECTION; round++) {
                for (int i = 0; i < PARALLEL; i++) {
                    sockets.get(i).send(send("r" + i + "-" + round));
                }
            }
            int acks = 0;
            int refused = 0;
            for (ChatSocket socket : sockets) {
                for (int round = 0; round < PER_CONNECTION; round++) {
                    JsonObject answer = socket.next(f -> "ack".equals(f.getString("op"))
                            || "error".equals(f.getString("op")), "ack or error");
                    if ("ack".equals(answer.getString("op"))) {
                        acks++;
                    } else {
                        assertEquals("rate_limited", answer.getString("code"));
                        assertTrue(answer.getString("ref").startsWith("r"), "ref names the client message id");
                        refused++;
                    }
                }
            }
            assertTrue(acks >= BURST, "the burst is accepted: " + acks);
            assertTrue(refused > 0, "the excess is refused");
            for (ChatSocket socket : sockets) {
                socket.send(Json.createObjectBuilder().add("op", "ping").build());
                socket.next("pong");
            }
        } finally {
            sockets.forEach(ChatSocket::close);
        }
    }

    @Test
    void overTheRateRestAnswers429WithRetryAfter() throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(REST_SENDERS);
        try {
            List<Future<ChatClient.Reply>> replies = new ArrayList<>();
            for (int i = 0; i < REST_SENDERS * PER_CONNECTION; i++) {
                String clientMsgId = "rest-" + i;
                replies.add(senders.submit(() -> client.post("/api/v1/channels/" + channel + "/messages", alice,
                        Json.createObjectBuilder().add("client_msg_id", clientMsgId).add("body", "x").build())));
            }
            ChatClient.Reply limited = null;
            for (Future<ChatClient.Reply> reply : replies) {
                ChatClient.Reply answer = reply.get(ChatSocket.WAIT.toSeconds(), TimeUnit.SECONDS);
                if (answer.status() == 429) {
                    limited = answer;
                } else {
                    assertEquals(201, answer.status(), answer.toString());
                }
            }
            assertTrue(limited != null, "some sends over the rate are refused");
            assertEquals("rate_limited", limited.code());
            assertTrue(limited.headers().firstValue("Retry-After").isPresent());
            assertTrue(limited.contentType().startsWith("application/problem+json"));
        } finally {
            senders.shutdownNow();
        }
    }

    @Test
    void sustainedAbuseOfTheRateClosesWith4029() {
        try (ChatSocket socket = client.connect(alice)) {
            socket.next("hello");
            try {
                for (int i = 0; i < 400 && !socket.isClosed(); i++) {
                    socket.send(send("a" + i));
                }
            } catch (RuntimeException sendAfterClose) {
                // The server may close while frames are still being sent: the close code is what counts.
            }
            assertEquals(4029, socket.awaitCloseCode());
        }
    }

    private JsonObject send(String clientMsgId) {
        return Json.createObjectBuilder().add("op", "send").add("client_msg_id", clientMsgId)
                .add("channel", channel).add("body", "flood").build();
    }
}
