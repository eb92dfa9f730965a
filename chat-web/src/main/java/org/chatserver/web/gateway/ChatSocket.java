package org.chatserver.web.gateway;

import java.io.IOException;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;

/**
 * The WebSocket endpoint {@code /ws}; what it does with a socket is the {@link SocketLifecycle}'s. Frames of one
 * connection are handled one at a time, in the order received (the container calls {@link #onFrame} serially). One
 * instance per connection, created by {@link Instances}.
 */
@ServerEndpoint(value = "/ws", configurator = ChatSocket.Instances.class)
public class ChatSocket {

    private final SocketLifecycle lifecycle;

    /** Null until a ticket admitted the socket, and for good if none did. */
    private WebSocketConnection connection;

    ChatSocket(SocketLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @OnOpen
    public void onOpen(Session session) throws IOException {
        connection = lifecycle.open(session).orElse(null);
    }

    @OnMessage
    public void onFrame(String text) {
        if (connection != null) {
            lifecycle.frame(connection, text);
        }
    }

    @OnClose
    public void onClose() {
        if (connection != null) {
            lifecycle.closed(connection);
        }
    }

    @OnError
    public void onError(Throwable failure) {
        // The container closes the session after an error; onClose unsubscribes it.
    }

    /**
     * Creates each socket's endpoint around the one shared {@link SocketLifecycle}. The container's default would give
     * every instance its own injection context (about 2.7 KB per open connection, measured with a heap dump under the
     * {@code connections} benchmark) for fields that are the same for all. The lifecycle is looked up once, on the
     * first upgrade (the container creates one configurator per deployed endpoint). Thread-safe: a race at the first
     * upgrade looks it up twice and gets the same application-scoped bean.
     */
    public static final class Instances extends ServerEndpointConfig.Configurator {

        private volatile SocketLifecycle lifecycle;

        @Override
        public <T> T getEndpointInstance(Class<T> endpointClass) {
            SocketLifecycle shared = lifecycle;
            if (shared == null) {
                shared = CDI.current().select(SocketLifecycle.class).get();
                lifecycle = shared;
            }
            return endpointClass.cast(new ChatSocket(shared));
        }
    }
}
