package org.chatserver.ejb.gateway;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.chatserver.ejb.channel.ChannelService;

/**
 * Opening and closing client connections on this node: a connection is subscribed to all its user's channels before
 * it is greeted, so every message committed after {@code hello} reaches it live unless a fault intervenes.
 * Thread-safe.
 */
@ApplicationScoped
public class GatewayService {

    @Inject
    ChannelService channels;

    @Inject
    LocalSessionIndex index;

    /** Subscribes a new connection to its user's channels; returns once it is reachable from any node's fan-out. */
    public void open(ClientConnection connection) {
        index.open(connection, channels.memberChannelIds(connection.identity()));
    }

    public void close(ClientConnection connection) {
        index.close(connection);
    }
}
