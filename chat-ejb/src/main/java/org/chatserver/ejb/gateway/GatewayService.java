package org.chatserver.ejb.gateway;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.chatserver.ejb.channel.ChannelService;
import org.chatserver.ejb.presence.PresenceService;

/**
 * Opening and closing client connections on this node: a connection is subscribed to all its user's channels before
 * it is greeted, so every message committed after {@code hello} reaches it live unless a fault intervenes. A user's
 * first connection on the node claims the user's presence for the node, the last one releases it. Thread-safe.
 */
@ApplicationScoped
public class GatewayService {

    @Inject
    ChannelService channels;

    @Inject
    LocalSessionIndex index;

    @Inject
    PresenceService presence;

    /** Subscribes a new connection to its user's channels; returns once it is reachable from any node's fan-out. */
    public void open(ClientConnection connection) {
        if (index.open(connection, channels.memberChannelIds(connection.identity()))) {
            presence.connected(connection.identity());
        }
    }

    public void close(ClientConnection connection) {
        if (index.close(connection)) {
            presence.disconnected(connection.identity());
        }
    }
}
