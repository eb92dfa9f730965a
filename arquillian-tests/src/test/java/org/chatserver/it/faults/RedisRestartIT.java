package org.chatserver.it.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.chatserver.it.support.ChatClient;
import org.chatserver.it.support.FreshWorkspaceTest;
import org.chatserver.it.support.ChatSocket;
import org.chatserver.it.support.TestStack;
import org.junit.jupiter.api.Test;

/**
 * Redis restarted (ARCHITECTURE.md: Redis holds only what can be rebuilt): the tests' own Redis is stopped with
 * {@code ./chat infra stop redis} and started again empty (it keeps nothing on disk). Sends keep being acked while it
 * is down, because an ack needs only the database; after the restart the node writes its routes again and live
 * delivery recovers on the same connection; a client that syncs misses nothing.
 */
class RedisRestartIT extends FreshWorkspaceTest {

    private static final String REDIS = "redis";
    private static final int DURING_OUTAGE = 10;
    private static final Duration RECOVERY = Duration.ofSeconds(60);
    private static final Duration LIVE_WAIT = Duration.ofSeconds(2);

    @Test
    void withRedisRestartedSendsStayAckedDeliveryRecoversAndSyncMissesNothing() throws Exception {
        String channel = client.publicChannel(alice, "ops", "bob");

        try (ChatSocket bobs = client.connect(bob)) {
            bobs.next("hello");
            bobs.keepAlive(Duration.ofSeconds(1));
            long seq = sendAcked(client, alice, channel, "before");
            assertEquals(seq, bobs.next("msg").getJsonNumber("seq").longValue(), "delivery works before");

            TestStack.stop(REDIS);
            try {
                for (int i = 0; i < DURING_OUTAGE; i++) {
                    seq = sendAcked(client, alice, channel, "during-" + i);
                }
            } finally {
                TestStack.start(REDIS);
            }

            long deadline = System.nanoTime() + RECOVERY.toNanos();
            JsonObject live = null;
            for (int i = 0; live == null && System.nanoTime() < deadline; i++) {
                long sent = sendAcked(client, alice, channel, "after-" + i);
                live = bobs.poll(frame -> "msg".equals(frame.getString("op"))
                        && frame.getJsonNumber("seq").longValue() == sent, LIVE_WAIT);
                seq = sent;
            }
            assertEquals(true, live != null, "live delivery recovered within " + RECOVERY);
            assertFalse(bobs.isClosed(), "on the same connection");

            bobs.send(Json.createObjectBuilder().add("op", "sync")
                    .add("cursors", Json.createObjectBuilder().add(channel, 0)).build());
            List<Long> frames = new ArrayList<>();
            JsonObject frame;
            while (!"synced".equals((frame = bobs.next(f -> "msg".equals(f.getString("op"))
                    || "synced".equals(f.getString("op")), "msg or synced")).getString("op"))) {
                frames.add(frame.getJsonNumber("seq").longValue());
            }
            assertEquals(seq, frame.getJsonNumber("last_seq").longValue());
            // Live frames that arrived before the sync was handled come first; the replay starts at seq 1.
            List<Long> replayed = frames.subList(frames.lastIndexOf(1L), frames.size());
            assertEquals(LongStream.rangeClosed(1, seq).boxed().toList(), replayed, "every message, in order");
        }
    }

    /** A REST send that must be acked (201); answers its seq. */
    private static long sendAcked(ChatClient client, String token, String channel, String clientMsgId) {
        ChatClient.Reply sent = client.post("/api/v1/channels/" + channel + "/messages", token,
                Json.createObjectBuilder().add("client_msg_id", clientMsgId).add("body", "x").build());
        assertEquals(201, sent.status(), clientMsgId + ": " + sent);
        return sent.json().getJsonNumber("seq").longValue();
    }
}
