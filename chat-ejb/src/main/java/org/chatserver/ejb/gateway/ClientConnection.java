package org.chatserver.ejb.gateway;

import org.chatserver.ejb.fanout.NodeDelivery;
import org.chatserver.ejb.identity.Identity;
import org.chatserver.ejb.presence.PresenceTransition;

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

    /**
     * Queues an ephemeral frame ({@code typing}): when the outbound queue is full, ephemeral frames are dropped first,
     * and the connection is not closed for them.
     */
    void offerEphemeral(String frame);

    /**
     * Queues {@code frame}, the {@code presence} frame of {@code transition}, coalesced: at most one frame per user
     * per coalescing window, the latest state winning.
     */
    void offerPresence(PresenceTransition transition, String frame);
}
