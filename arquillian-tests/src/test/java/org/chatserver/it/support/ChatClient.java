package org.chatserver.it.support;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;

/**
 * A REST client of PROTOCOL.md for one server: JSON in, status and JSON out. Thread-safe.
 */
public final class ChatClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    /**
     * HTTP/1.1, as chat-bench's REST client. The JDK client's default asks each new connection to upgrade to HTTP/2
     * ({@code Upgrade: h2c}). One CI run got a 404 for a token request right after Grizzly failed a request with a
     * null connection; these tests are about the chat protocol, not the container's h2c upgrade.
     */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT).build();

    /** @param base e.g. {@code http://127.0.0.1:8080} */
    public ChatClient(URI base) {
        this.base = base;
    }

    public URI base() {
        return base;
    }

    /** A response: its status, its JSON body (empty object when there is none) and its headers. */
    public record Reply(int status, JsonObject json, HttpHeaders headers) {

        public String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }

        public String code() {
            return json.getString("code", null);
        }
    }

    /** A token from the built-in issuer. */
    public String token(String workspace, String user) {
        Reply reply = call("POST", "/api/v1/auth/token", null,
                Json.createObjectBuilder().add("workspace", workspace).add("user", user).build());
        if (reply.status() != 200) {
            throw new IllegalStateException("token: " + reply);
        }
        return reply.json().getString("token");
    }

    public Reply get(String path, String token) {
        return call("GET", path, token, null);
    }

    public Reply post(String path, String token, JsonObject body) {
        return call("POST", path, token, body);
    }

    public Reply call(String method, String path, String token, JsonObject body) {
        return callRaw(method, path, token, body == null ? null : body.toString());
    }

    /** A call with a raw body (which need not be valid JSON). */
    public Reply callRaw(String method, String path, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            JsonObject json = Json.createObjectBuilder().build();
            if (text != null && text.startsWith("{")) {
                JsonStructure parsed = Json.createReader(new StringReader(text)).read();
                json = parsed.asJsonObject();
            }
            return new Reply(response.statusCode(), json, response.headers());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Creates a public channel of {@code token}'s user with {@code members}; answers its id. */
    public String publicChannel(String token, String name, String... members) {
        JsonArrayBuilder memberArray = Json.createArrayBuilder();
        for (String member : members) {
            memberArray.add(member);
        }
        Reply created = post("/api/v1/channels", token, Json.createObjectBuilder().add("name", name)
                .add("kind", "public").add("members", memberArray).build());
        if (created.status() != 201) {
            throw new IllegalStateException("create channel: " + created);
        }
        return created.json().getString("id");
    }

    /** Opens a WebSocket with a fresh ticket of {@code token}'s user. */
    public ChatSocket connect(String token) {
        Reply ticket = post("/api/v1/ws/connect", token, null);
        if (ticket.status() != 200) {
            throw new IllegalStateException("ws/connect: " + ticket);
        }
        return connectWithTicket(ticket.json().getString("ticket"));
    }

    /** Opens a WebSocket on {@code /ws?ticket=...} (the ticket may be forged or used). */
    public ChatSocket connectWithTicket(String ticket) {
        URI ws = URI.create(base.toString().replaceFirst("^http", "ws") + "/ws?ticket=" + ticket);
        return ChatSocket.open(http, ws);
    }
}
