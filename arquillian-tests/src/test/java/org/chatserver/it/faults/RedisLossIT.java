package org.chatserver.it.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.chatserver.it.support.ChatClient;
import org.chatserver.it.support.ChatSocket;
import org.chatserver.it.support.MicroDeployment;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Redis losing its data (a restart with no persistence, as ARCHITECTURE.md allows): the routing entries of a channel
 * vanish; sends keep being acked, the node writes its routes again and live delivery recovers on the same
 * connection, and a client that syncs misses nothing. The loss is made by deleting the channel's routing key on the
 * test's Redis, which is what a restart does to it without disturbing other users of that Redis.
 */
@ExtendWith(ArquillianExtension.class)
class RedisLossIT {

    private static final Duration RECOVERY = Duration.ofSeconds(60);

    @Deployment(testable = false)
    static WebArchive app() {
        return MicroDeployment.war();
    }

    @ArquillianResource
    URL deployed;

    @Test
    void afterRedisLostTheRoutesDeliveryRecoversAndSyncFillsTheGap() throws Exception {
        ChatClient client = new ChatClient(MicroDeployment.base(deployed));
        String workspace = "it-" + UUID.randomUUID();
        String alice = client.token(workspace, "alice");
        String bob = client.token(workspace, "bob");
        String channel = client.publicChannel(alice, "ops", "bob");

        try (ChatSocket bobs = client.connect(bob)) {
            bobs.next("hello");
            bobs.keepAlive(Duration.ofSeconds(1));

            deleteRedisKey("chat:channel-nodes:" + channel);

            long deadline = System.nanoTime() + RECOVERY.toNanos();
            long seq = 0;
            JsonObject live = null;
            while (live == null && System.nanoTime() < deadline) {
                ChatClient.Reply sent = client.post("/api/v1/channels/" + channel + "/messages", alice,
                        Json.createObjectBuilder().add("client_msg_id", "m" + (seq + 1)).add("body", "x").build());
                assertEquals(201, sent.status(), "sends are acked while routes are missing");
                seq = sent.json().getJsonNumber("seq").longValue();
                try {
                    live = bobs.next(frame -> "msg".equals(frame.getString("op")), "msg", Duration.ofSeconds(2));
                } catch (AssertionError notYet) {
                    // Not routed yet: the node reasserts its routes periodically.
                }
            }
            assertEquals(true, live != null, "live delivery recovered within " + RECOVERY);

            bobs.send(Json.createObjectBuilder().add("op", "sync")
                    .add("cursors", Json.createObjectBuilder().add(channel, 0)).build());
            for (long expected = 1; expected <= seq; expected++) {
                assertEquals(expected, bobs.next("msg").getJsonNumber("seq").longValue(), "replayed in order");
            }
            assertEquals(seq, bobs.next("synced").getJsonNumber("last_seq").longValue(), "nothing missed");
        }
    }

    /** DEL over Redis's own protocol, so the test needs no Redis client library. */
    private static void deleteRedisKey(String key) throws IOException {
        byte[] name = key.getBytes(StandardCharsets.UTF_8);
        try (Socket redis = new Socket("127.0.0.1", 6379)) {
            OutputStream out = redis.getOutputStream();
            out.write(("*2\r\n$3\r\nDEL\r\n$" + name.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(name);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = redis.getInputStream();
            int first = in.read();
            assertEquals(':', first, "Redis answered an integer reply");
        }
    }
}
