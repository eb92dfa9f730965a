package org.chatserver.it.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every error answer of PROTOCOL.md, each by a test named for it: REST answers are {@code application/problem+json}
 * with the status and {@code code} of the table; WebSocket answers are {@code error} frames with {@code ref}, and the
 * connection stays usable; nothing is stored for a refused request. A channel of another workspace answers exactly
 * like one that does not exist.
 */
@ExtendWith(ArquillianExtension.class)
class ErrorsIT {

    @Deployment(testable = false)
    static WebArchive app() {
        return MicroDeployment.war();
    }

    @ArquillianResource
    URL deployed;

    private ChatClient client;
    private String workspace;
    private String alice;
    private String channel;

    @BeforeEach
    void aliceHasAPublicChannel() {
        client = new ChatClient(MicroDeployment.base(deployed));
        workspace = "it-" + UUID.randomUUID();
        alice = client.token(workspace, "alice");
        channel = client.publicChannel(alice, "general");
    }

    @Test
    void malformedJsonIsBadRequest() {
        assertProblem(400, "bad_request", client.callRaw("POST", messages(), alice, "{\"client_msg_id\": "));
        assertNothingStored();
    }

    @Test
    void aMissingOrIllTypedFieldIsBadRequest() {
        assertProblem(400, "bad_request", client.post(messages(), alice,
                Json.createObjectBuilder().add("client_msg_id", "m1").build()));
        assertProblem(400, "bad_request", client.post(messages(), alice,
                Json.createObjectBuilder().add("client_msg_id", "m1").add("body", 42).build()));
        assertProblem(400, "bad_request", client.get(messages() + "?after_seq=abc", alice));
        assertProblem(400, "bad_request", client.get(messages() + "?limit=201", alice));
        assertNothingStored();
    }

    @Test
    void aBadClientMessageIdIsInvalidClientMsgId() {
        assertProblem(400, "invalid_client_msg_id", client.post(messages(), alice,
                Json.createObjectBuilder().add("client_msg_id", "has space").add("body", "x").build()));
        assertNothingStored();
    }

    @Test
    void aMissingMalformedExpiredOrForeignTokenIsUnauthorized() throws Exception {
        assertProblem(401, "unauthorized", client.get("/api/v1/me", null));
        assertProblem(401, "unauthorized", client.get("/api/v1/me", "not.a.jwt"));
        PrivateKey foreign = KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate();
        long now = Instant.now().getEpochSecond();
        assertProblem(401, "unauthorized", client.get("/api/v1/me", jwt(foreign, now + 3600)));

        String valid = client.token(workspace, "alice");
        String[] parts = valid.split("\\.");
        String tampered = parts[0] + "." + base64(Json.createObjectBuilder().add("sub", "mallory")
                .add("workspace", workspace).add("iss", "chat-local").add("exp", now + 3600).build().toString())
                + "." + parts[2];
        assertProblem(401, "unauthorized", client.get("/api/v1/me", tampered));
    }

    @Test
    void anUnknownChannelAndAnotherWorkspacesChannelAnswerTheSame() {
        String stranger = client.token("it-" + UUID.randomUUID(), "alice");
        ChatClient.Reply missing = client.get("/api/v1/channels/" + UUID.randomUUID(), stranger);
        ChatClient.Reply foreign = client.get("/api/v1/channels/" + channel, stranger);
        assertProblem(404, "unknown_channel", missing);
        assertProblem(404, "unknown_channel", foreign);
        assertEquals(missing.json().getString("title"), foreign.json().getString("title"));
        assertProblem(404, "unknown_channel", client.post(messages(), stranger,
                Json.createObjectBuilder().add("client_msg_id", "m1").add("body", "x").build()));
        assertProblem(404, "unknown_channel", client.get(messages(), stranger));
        assertProblem(404, "unknown_channel", client.post("/api/v1/channels/" + channel + "/join", stranger, null));
    }

    @Test
    void aPrivateChannelOfAnotherMemberIsAnUnknownChannel() {
        String secret = client.post("/api/v1/channels", alice, Json.createObjectBuilder().add("name", "secret")
                .add("kind", "private").build()).json().getString("id");
        String bob = client.token(workspace, "bob");
        assertProblem(404, "unknown_channel", client.get("/api/v1/channels/" + secret, bob));
    }

    @Test
    void sendingToAVisibleChannelNotJoinedIsNotMember() {
        String bob = client.token(workspace, "bob");
        assertProblem(403, "not_member", client.post(messages(), bob,
                Json.createObjectBuilder().add("client_msg_id", "m1").add("body", "x").build()));
        assertNothingStored();
    }

    @Test
    void aTakenChannelNameIsNameTaken() {
        assertProblem(409, "name_taken", client.post("/api/v1/channels", alice, Json.createObjectBuilder()
                .add("name", "general").add("kind", "private").build()));
    }

    @Test
    void aBodyOverTheLimitIsTooLarge() {
        assertProblem(413, "too_large", client.post(messages(), alice, Json.createObjectBuilder()
                .add("client_msg_id", "big").add("body", "\uD83D\uDE00".repeat(4001)).build()));
        assertEquals(201, client.post(messages(), alice, Json.createObjectBuilder()
                .add("client_msg_id", "just-fits").add("body", "\uD83D\uDE00".repeat(4000)).build()).status());
    }

    @Test
    void badFramesAnswerErrorFramesAndKeepTheConnection() {
        try (ChatSocket socket = client.connect(alice)) {
            socket.next("hello");

            socket.sendRaw("{not json");
            assertEquals("bad_request", socket.next("error").getString("code"));

            socket.send(Json.createObjectBuilder().add("op", "dance").build());
            JsonObject unknownOp = socket.next("error");
            assertEquals("bad_request", unknownOp.getString("code"));
            assertEquals("dance", unknownOp.getString("ref"));

            socket.send(Json.createObjectBuilder().add("op", "send").add("client_msg_id", "no-body")
                    .add("channel", channel).build());
            JsonObject missingBody = socket.next("error");
            assertEquals("bad_request", missingBody.getString("code"));
            assertEquals("no-body", missingBody.getString("ref"));

            socket.send(Json.createObjectBuilder().add("op", "send").add("client_msg_id", "bad id")
                    .add("channel", channel).add("body", "x").build());
            assertEquals("invalid_client_msg_id", socket.next("error").getString("code"));

            socket.send(Json.createObjectBuilder().add("op", "send").add("client_msg_id", "huge")
                    .add("channel", channel).add("body", "x".repeat(70 * 1024)).build());
            JsonObject tooLarge = socket.next("error");
            assertEquals("too_large", tooLarge.getString("code"));

            socket.send(Json.createObjectBuilder().add("op", "send").add("client_msg_id", "elsewhere")
                    .add("channel", UUID.randomUUID().toString()).add("body", "x").build());
            assertEquals("unknown_channel", socket.next("error").getString("code"));

            socket.send(Json.createObjectBuilder().add("op", "send").add("client_msg_id", "fine")
                    .add("channel", channel).add("body", "still here").build());
            assertEquals(1, socket.next("ack").getJsonNumber("seq").longValue(), "only the good send was stored");
        }
    }

    private String messages() {
        return "/api/v1/channels/" + channel + "/messages";
    }

    private void assertNothingStored() {
        assertEquals(0, client.get("/api/v1/channels/" + channel, alice).json().getJsonNumber("last_seq")
                .longValue());
    }

    private static void assertProblem(int status, String code, ChatClient.Reply reply) {
        assertEquals(status, reply.status(), reply.toString());
        assertEquals(code, reply.code(), reply.toString());
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
        assertEquals(status, reply.json().getInt("status"));
    }

    private static String jwt(PrivateKey key, long exp) throws Exception {
        String header = base64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
        String payload = base64(Json.createObjectBuilder().add("sub", "alice").add("workspace", "w")
                .add("iss", "chat-local").add("exp", exp).build().toString());
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key);
        rsa.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
        return header + "." + payload + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
