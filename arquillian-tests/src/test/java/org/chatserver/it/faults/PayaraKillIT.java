package org.chatserver.it.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.chatserver.it.support.ChatClient;
import org.chatserver.it.support.ChatSocket;
import org.chatserver.it.support.MicroProcess;
import org.junit.jupiter.api.Test;

/**
 * A node dying (ARCHITECTURE.md's failure model): Payara Micro is killed with SIGKILL right after acking a burst of
 * sends; after it restarts, every acked message is in the history, once, at the seq its ack named.
 */
class PayaraKillIT {

    private static final int BURST = 40;

    @Test
    void everyAckedMessageSurvivesASigkillOfTheServer() throws Exception {
        Path log = Path.of("target", "payara-kill-it.log");
        try (MicroProcess payara = new MicroProcess(log)) {
            payara.start();
            ChatClient client = new ChatClient(payara.base());
            String workspace = "it-" + UUID.randomUUID();
            String alice = client.token(workspace, "alice");
            String channel = client.post("/api/v1/channels", alice, Json.createObjectBuilder().add("name", "durable")
                    .add("kind", "public").build()).json().getString("id");

            List<JsonObject> acks = new ArrayList<>();
            try (ChatSocket socket = client.connect(alice)) {
                socket.next("hello");
                for (int i = 0; i < BURST; i++) {
                    socket.send(Json.createObjectBuilder().add("op", "send").add("client_msg_id", "k" + i)
                            .add("channel", channel).add("body", "survives " + i).build());
                }
                for (int i = 0; i < BURST; i++) {
                    acks.add(socket.next("ack"));
                }
                payara.kill();
            }

            payara.start();
            ChatClient.Reply history = client.get("/api/v1/channels/" + channel + "/messages?limit=200", alice);
            assertEquals(200, history.status(), history.toString());
            List<JsonObject> stored = history.json().getJsonArray("messages").getValuesAs(JsonObject.class);
            assertEquals(BURST, stored.size(), "every acked message, once");
            for (JsonObject ack : acks) {
                JsonObject message = stored.get((int) ack.getJsonNumber("seq").longValue() - 1);
                assertEquals(ack.getString("id"), message.getString("id"), "at the seq of its ack");
                assertEquals(ack.getString("client_msg_id"), message.getString("client_msg_id"));
            }
        }
    }
}
