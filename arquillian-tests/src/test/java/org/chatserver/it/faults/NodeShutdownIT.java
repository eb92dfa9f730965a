package org.chatserver.it.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.chatserver.it.support.ChatClient;
import org.chatserver.it.support.ChatSocket;
import org.chatserver.it.support.MicroProcess;
import org.junit.jupiter.api.Test;

/**
 * A node shutting down (PROTOCOL.md, limits and closing): Payara Micro stopped with SIGTERM closes every open socket
 * with 1012, so clients know to reconnect elsewhere and sync rather than treat it as a network failure.
 */
class NodeShutdownIT {

    @Test
    void aNodeStoppedWithSigtermClosesItsSocketsWith1012() throws Exception {
        Path log = Path.of("target", "node-shutdown-it.log");
        try (MicroProcess payara = new MicroProcess(log)) {
            payara.start();
            ChatClient client = new ChatClient(payara.base());
            String workspace = "it-" + UUID.randomUUID();
            String alice = client.token(workspace, "alice");
            String bob = client.token(workspace, "bob");
            try (ChatSocket alices = client.connect(alice); ChatSocket bobs = client.connect(bob)) {
                alices.next("hello");
                bobs.next("hello");
                alices.keepAlive(Duration.ofSeconds(1));
                bobs.keepAlive(Duration.ofSeconds(1));

                payara.terminate();

                assertEquals(1012, alices.awaitCloseCode(), "service restart");
                assertEquals(1012, bobs.awaitCloseCode(), "every socket of the node");
            }
        }
    }
}
