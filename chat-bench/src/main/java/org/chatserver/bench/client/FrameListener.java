package org.chatserver.bench.client;

/**
 * Receives what happens on one {@link WsConnection}. Called on the connection's event-loop thread, one call at a
 * time per connection; implementations must not block.
 */
public interface FrameListener {

    /**
     * A text frame arrived.
     *
     * @param connection    the connection
     * @param text          the frame (one JSON object)
     * @param receivedNanos {@link System#nanoTime()} when it was read, before any parsing
     */
    void onText(WsConnection connection, String text, long receivedNanos);

    /**
     * The connection ended: a close frame, a reset, or a failed handshake. Called at most once.
     *
     * @param connection the connection
     * @param code       the close code, or -1 without a close frame
     */
    void onClosed(WsConnection connection, int code);
}
