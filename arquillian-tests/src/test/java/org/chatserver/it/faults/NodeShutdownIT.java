package org.chatserver.it.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.chatserver.it.support.ChatClient;
import org.chatserver.it.support.ChatSocket;
import org.chatserver.it.support.MicroProcess;
import org.junit.jupiter.api.Test;

/**
 * A node shutting down (PROTOCOL.md, limits and closing): Payara Micro stopped with SIGTERM closes every open socket
 * with 1012, so clients know to reconnect elsewhere and sync rather than treat it as a network failure. The node
 * started in its place fans out from where the stopped one stood: what was delivered before is not delivered again.
 */
class NodeShutdownIT {

    private static final int BEFORE_STOP = 3;

    @Test
    void aNodeStoppedWithSigtermClosesItsSocketsWith1012AndTheNextNodeRepeatsNothing() throws Exception {
        Path log = Path.of("target", "node-shutdown-it.log");
        try (MicroProcess payara = new MicroProcess(log)) {
            payara.start();
            ChatClient client = new ChatClient(payara.base());
            String workspace = "it-" + UUID.randomUUID();
            String alice = client.token(workspace, "alice");
            String bob = client.token(workspace, "bob");
            String channel = client.publicChannel(alice, "restarts", "bob");
            try (ChatSocket alices = client.connect(alice); ChatSocket bobs = client.connect(bob)) {
                alices.next("hello");
                bobs.next("hello");
                alices.keepAlive(Duration.ofSeconds(1));
                bobs.keepAlive(Duration.ofSeconds(1));
                for (int seq = 1; seq <= BEFORE_STOP; seq++) {
                    alices.send(send(channel, "before-" + seq));
                    assertEquals(seq, bobs.next("msg").getJsonNumber("seq").longValue(), "delivered before the stop");
                }

                payara.terminate();

                assertEquals(1012, alices.awaitCloseCode(), "service restart");
                assertEquals(1012, bobs.awaitCloseCode(), "every socket of the node");
            }

            payara.start();
            try (ChatSocket alices = client.connect(alice); ChatSocket bobs = client.connect(bob)) {
                alices.next("hello");
                bobs.next("hello");
                alices.send(send(channel, "after"));
                JsonObject first = bobs.next("msg");
                assertEquals(BEFORE_STOP + 1, first.getJsonNumber("seq").longValue(),
                        "the first message after the restart is the new one, no repeat of " + BEFORE_STOP);
            }
        }
    }

    private static JsonObject send(String channel, String clientMsgId) {
        return Json.createObjectBuilder().add("op", "send").add("client_msg_id", clientMsgId)
                .add("channel", channel).add("body", "text " + clientMsgId).build();
    }
}
