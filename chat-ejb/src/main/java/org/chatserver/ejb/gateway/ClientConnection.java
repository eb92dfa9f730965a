package org.chatserver.ejb.gateway;

import org.chatserver.ejb.fanout.NodeDelivery;
import org.chatserver.ejb.identity.Identity;

/**
 * An open client connection on this node, as the domain sees it (the WebSocket edge implements it).
 * Implementations are thread-safe: frames are offered from many threads.
 */
public interface ClientConnection {

    /** Unique on this node; sent to the client as {@code session}. */
    String id();

    Identity identity();

    /**
     * Queues a frame for the client without blocking. A connection that cannot keep up is closed by its
     * implementation (4008); the client then syncs.
     */
    void offer(String frame);

    /**
     * Queues a live {@code msg} frame like {@link #offer}, unless the connection is replaying the message's channel
     * ({@code sync}): then it is held back until the replay ends, and dropped if the replay carried it.
     */
    void offerMessage(NodeDelivery message);
}
