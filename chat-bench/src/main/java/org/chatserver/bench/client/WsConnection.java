package org.chatserver.bench.client;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One open WebSocket. Sending is thread-safe (Netty queues the write on the connection's event loop), and frames
 * leave in the order {@link #send} was called from one thread.
 */
public final class WsConnection {

    private final Channel channel;
    private final FrameListener listener;
    private final AtomicBoolean closedReported = new AtomicBoolean();

    WsConnection(Channel channel, FrameListener listener) {
        this.channel = channel;
        this.listener = listener;
    }

    /** Sends one text frame. */
    public void send(String json) {
        channel.writeAndFlush(new TextWebSocketFrame(json), channel.voidPromise());
    }

    /** @return whether the socket is still open */
    public boolean isOpen() {
        return channel.isActive();
    }

    /** Closes with 1000 and the socket; does not wait. */
    public void close() {
        if (channel.isActive()) {
            channel.writeAndFlush(new CloseWebSocketFrame(1000, "bye")).addListener(f -> channel.close());
        }
    }

    FrameListener listener() {
        return listener;
    }

    void reportClosed(int code) {
        if (closedReported.compareAndSet(false, true)) {
            listener.onClosed(this, code);
        }
    }
}
