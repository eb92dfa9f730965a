package org.chatserver.it.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.chatserver.it.support.FreshWorkspaceTest;
import org.chatserver.it.support.ChatSocket;
import org.chatserver.it.support.TestStack;
import org.junit.jupiter.api.Test;

/**
 * Kafka down (ARCHITECTURE.md's failure model): the test broker is stopped ({@code ./chat infra stop kafka}) during a
 * send burst and started again with the same data and port. Sends are still acked, because an ack means committed,
 * not published; when Kafka is back the outbox relay publishes what it missed and every online member gets the
 * messages, in order, on the connection it already had.
 */
class KafkaOutageIT extends FreshWorkspaceTest {

    private static final String KAFKA = "kafka";
    private static final int DURING_OUTAGE = 30;
    private static final Duration RECOVERY = Duration.ofSeconds(120);
    private static final Duration OUTBOX_SWEEPS = Duration.ofSeconds(6);

    @Test
    void withKafkaStoppedSendsAreAckedAndAfterItsRestartDeliveryResumesInOrderWithoutReconnecting() throws Exception {
        String channel = client.publicChannel(alice, "ops", "bob");

        try (ChatSocket bobs = client.connect(bob); ChatSocket alices = client.connect(alice)) {
            bobs.next("hello");
            alices.next("hello");
            bobs.keepAlive(Duration.ofSeconds(1));
            alices.keepAlive(Duration.ofSeconds(1));
            alices.send(send(channel, "before"));
            assertEquals(1, bobs.next("msg").getJsonNumber("seq").longValue(), "delivery works before the outage");

            TestStack.stop(KAFKA);
            try {
                for (int i = 0; i < DURING_OUTAGE; i++) {
                    alices.send(send(channel, "during-" + i));
                }
                for (int i = 0; i < DURING_OUTAGE; i++) {
                    JsonObject ack = alices.next(frame -> "ack".equals(frame.getString("op"))
                            && frame.getString("client_msg_id").startsWith("during-"), "an ack during the outage");
                    assertEquals(2 + i, ack.getJsonNumber("seq").longValue(), "acked while Kafka is down");
                }
                // Keep Kafka down past the outbox grace period, so the relay's sweeps try to republish into the
                // outage too: what reaches Kafka twice must still reach bob once, in order.
                Thread.sleep(OUTBOX_SWEEPS.toMillis());
            } finally {
                TestStack.start(KAFKA);
            }

            for (long seq = 2; seq <= 1 + DURING_OUTAGE; seq++) {
                JsonObject msg = bobs.next(frame -> "msg".equals(frame.getString("op")), "msg", RECOVERY);
                assertEquals(seq, msg.getJsonNumber("seq").longValue(), "in order after the outage");
            }
            alices.send(send(channel, "after"));
            assertEquals(2 + DURING_OUTAGE, bobs.next("msg").getJsonNumber("seq").longValue(),
                    "no repeat of a message published twice, and delivery goes on");
            assertEquals(false, bobs.isClosed(), "on the same connection");
        }
    }

    private static JsonObject send(String channel, String clientMsgId) {
        return Json.createObjectBuilder().add("op", "send").add("client_msg_id", clientMsgId)
                .add("channel", channel).add("body", "text " + clientMsgId).build();
    }
}
