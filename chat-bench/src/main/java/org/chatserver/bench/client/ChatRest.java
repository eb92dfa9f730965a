package org.chatserver.bench.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * The REST calls of PROTOCOL.md that the benchmarks need: tokens from the built-in issuer, WebSocket tickets,
 * channel creation and membership, message history.
 *
 * <p>One shared JDK {@code HttpClient} on a small fixed executor; at most {@code maxInFlight} requests are outstanding
 * at once (callers beyond that block), so a reconnect storm of thousands of clients cannot open thousands of HTTP
 * connections. Thread-safe. Tokens and bodies never appear in exception messages.
 */
public final class ChatRest implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    private final HttpClient http;
    private final ExecutorService executor;
    private final Semaphore inFlight;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param baseUrl     the server, e.g. {@code http://127.0.0.1:8080}
     * @param maxInFlight most concurrent requests
     */
    public ChatRest(URI baseUrl, int maxInFlight) {
        this.base = baseUrl;
        this.executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "bench-rest");
            t.setDaemon(true);
            return t;
        });
        this.http = HttpClient.newBuilder().executor(executor).connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1).build();
        this.inFlight = new Semaphore(maxInFlight);
    }

    /** @return the WebSocket URI for a ticket, on the same host and port as the REST base */
    public URI webSocketUri(String ticket) {
        String scheme = "https".equals(base.getScheme()) ? "wss" : "ws";
        return URI.create(scheme + "://" + base.getHost() + ":" + base.getPort() + "/ws?ticket=" + ticket);
    }

    /** @return a JWT for the user from the built-in issuer ({@code POST /auth/token}) */
    public String token(String workspace, String user) throws IOException {
        return call("POST", "/api/v1/auth/token", null, Map.of("workspace", workspace, "user", user, "name", user))
                .path("token").asText();
    }

    /** @return a one-time WebSocket ticket ({@code POST /ws/connect}) */
    public String ticket(String token) throws IOException {
        return call("POST", "/api/v1/ws/connect", token, null).path("ticket").asText();
    }

    /** Creates a public channel with the given members besides the creator; @return its id */
    public String createPublicChannel(String token, String name, List<String> members) throws IOException {
        return call("POST", "/api/v1/channels", token, Map.of("name", name, "kind", "public", "members", members))
                .path("id").asText();
    }

    /** Adds members to a channel ({@code POST /channels/{id}/members}). */
    public void addMembers(String token, String channel, List<String> users) throws IOException {
        call("POST", "/api/v1/channels/" + channel + "/members", token, Map.of("users", users));
    }

    /** @return the channel's newest seq ({@code GET /channels/{id}}) */
    public long lastSeq(String token, String channel) throws IOException {
        return call("GET", "/api/v1/channels/" + channel, token, null).path("last_seq").asLong();
    }

    private JsonNode call(String method, String path, String token, Object body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            inFlight.acquire();
            try {
                HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() / 100 != 2) {
                    JsonNode problem = parseQuietly(response.body());
                    throw new RestException(method + " " + pathWithoutQuery(path), response.statusCode(),
                            problem.path("code").asText(""));
                }
                return response.body().length == 0 ? json.createObjectNode() : json.readTree(response.body());
            } finally {
                inFlight.release();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private JsonNode parseQuietly(byte[] body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    private static String pathWithoutQuery(String path) {
        int q = path.indexOf('?');
        return q < 0 ? path : path.substring(0, q);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    /** A REST call answered with a non-2xx status; carries the status and the problem's {@code code} only. */
    public static final class RestException extends IOException {
        private final int status;

        RestException(String call, int status, String code) {
            super(call + " answered " + status + (code.isEmpty() ? "" : " " + code));
            this.status = status;
        }

        /** @return the HTTP status */
        public int status() {
            return status;
        }
    }
}
