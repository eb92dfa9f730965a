package org.chatserver.it.presence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.chatserver.it.support.ChatClient;
import org.chatserver.it.support.ChatSocket;
import org.chatserver.it.support.MicroDeployment;
import org.chatserver.it.support.MicroProcess;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A node that dies (SIGKILL, no goodbye) takes its users offline for everyone within the presence TTL, and when it
 * comes back under the same node id nothing stale of its previous run remains. Two nodes: the Arquillian container
 * and a second Payara Micro process with its own node id, sharing the stack's Redis, Kafka and databases.
 */
@ExtendWith(ArquillianExtension.class)
class NodeDeathPresenceIT {

    /** The default presence TTL (45 s), plus two of the survivor's refresh intervals (2 s in arquillian.xml). */
    private static final Duration TTL_AND_A_TICK = Duration.ofSeconds(49);

    /** The doomed node's refresh interval, as short as the survivor's (ms). */
    private static final String DOOMED_REFRESH_MS = "2000";

    /**
     * Long enough for the doomed node to beat and renew bob's presence in one refresh, so that its death is declared
     * TTL after that beat while bob's record was renewed at the same moment: the release must still find the record.
     */
    private static final Duration ONE_REFRESH_AND_A_MARGIN = Duration.ofMillis(2500);

    @Deployment(testable = false)
    static WebArchive app() {
        return MicroDeployment.war();
    }

    @ArquillianResource
    URL deployed;

    @Test
    void aKilledNodesUsersTurnOfflineWithinTheTtlAndItsRestartLeavesNothingStale() throws Exception {
        ChatClient survivor = new ChatClient(MicroDeployment.base(deployed));
        String workspace = "it-" + UUID.randomUUID();
        String alice = survivor.token(workspace, "alice");
        String bob = survivor.token(workspace, "bob");
        String channel = survivor.publicChannel(alice, "team", "bob");
        String nodeB = "it-node-b-" + UUID.randomUUID();

        try (MicroProcess doomed = new MicroProcess(Path.of("target", "node-death-it.log")).withNodeId(nodeB)
                        .withSystemProperty("chat.presence.refresh-interval-ms", DOOMED_REFRESH_MS);
                ChatSocket alices = survivor.connect(alice)) {
            alices.keepAlive(Duration.ofSeconds(1));
            alices.next("hello");
            doomed.start();
            ChatClient onB = new ChatClient(doomed.base());

            ChatSocket bobs = onB.connect(bob);
            bobs.keepAlive(Duration.ofSeconds(1));
            bobs.next("hello");
            assertEquals("online", alices.next("presence").getString("state"), "bob online, heard across nodes");
            Thread.sleep(ONE_REFRESH_AND_A_MARGIN.toMillis());

            long killedAt = System.nanoTime();
            doomed.kill();
            bobs.stopKeepAlive();
            JsonObject offline = alices.next(frame -> "presence".equals(frame.getString("op")), "bob offline",
                    TTL_AND_A_TICK.plusSeconds(10));
            assertEquals("bob", offline.getString("user"));
            assertEquals("offline", offline.getString("state"));
            Duration took = Duration.ofNanos(System.nanoTime() - killedAt);
            assertTrue(took.compareTo(TTL_AND_A_TICK) <= 0, "offline after " + took);
            assertEquals(List.of("alice"), online(survivor, alice, channel));

            doomed.start();
            assertEquals(List.of("alice"), online(survivor, alice, channel), "the restart left nothing stale");
            try (ChatSocket again = onB.connect(bob)) {
                again.next("hello");
                assertEquals("online", alices.next("presence").getString("state"));
                alices.send(Json.createObjectBuilder().add("op", "send").add("client_msg_id", "after")
                        .add("channel", channel).add("body", "still delivered across nodes").build());
                assertEquals("after", again.next("msg").getString("client_msg_id"));
            }
        }
    }

    private static List<String> online(ChatClient client, String token, String channel) {
        return client.get("/api/v1/channels/" + channel + "/presence", token).json().getJsonArray("online")
                .getValuesAs(JsonObject.class).stream().map(entry -> entry.getString("user")).toList();
    }
}
