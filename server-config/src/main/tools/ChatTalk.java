/*
 * A minimal WebSocket terminal for trying the chat server by hand (README, "Try it"), with nothing but a JDK:
 *
 *     java server-config/src/main/tools/ChatTalk.java 'ws://127.0.0.1:8080/ws?ticket=...'
 *
 * Every frame the server sends is printed on its own line; every line typed is sent as one text frame, as typed
 * (PROTOCOL.md frames are JSON objects, e.g. {"op":"ping"}). End with Ctrl-D. It is a single source file run by
 * the JDK's source launcher, so it needs no build; it is a tool for people, not part of the server.
 */

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

public final class ChatTalk {

    private ChatTalk() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: java ChatTalk.java 'ws://HOST:PORT/ws?ticket=TICKET'");
            System.exit(2);
        }
        CompletableFuture<Void> closed = new CompletableFuture<>();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create(args[0]), new Printer(closed)).join();
        BufferedReader input = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = input.readLine(); line != null && !closed.isDone(); line = input.readLine()) {
            if (!line.isBlank()) {
                socket.sendText(line, true).join();
            }
        }
        if (!closed.isDone()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
        }
        closed.join();
    }

    /** Prints frames as they come, and the close code. */
    private static final class Printer implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();
        private final CompletableFuture<Void> closed;

        Printer(CompletableFuture<Void> closed) {
            this.closed = closed;
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                System.out.println("< " + partial);
                partial.setLength(0);
            }
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int code, String reason) {
            System.out.println("closed: " + code + " " + reason);
            closed.complete(null);
            return null;
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            System.out.println("connection failed: " + error);
            closed.complete(null);
        }
    }
}
