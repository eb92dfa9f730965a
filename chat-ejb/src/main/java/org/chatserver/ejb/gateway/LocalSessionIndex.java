package org.chatserver.ejb.gateway;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.chatserver.ejb.config.ChatConfig;
import org.chatserver.ejb.fanout.NodeDelivery;
import org.chatserver.ejb.fanout.NodeRoutingTable;

/**
 * This node's index channel -> open connections subscribed to it, and the node's entries in the
 * {@link NodeRoutingTable}: the node is listed for a channel while at least one local connection is subscribed.
 *
 * <p>Local delivery writes a frame to every subscribed connection's outbound queue; it never blocks on a client.
 * Thread-safe: per-channel sets are concurrent, and the 0 -> 1 and 1 -> 0 transitions happen inside the map's atomic
 * compute for that channel.
 */
@ApplicationScoped
public class LocalSessionIndex {

    private final Map<String, Set<ClientConnection>> byChannel = new ConcurrentHashMap<>();
    private final Map<ClientConnection, Set<String>> channelsOf = new ConcurrentHashMap<>();

    @Inject
    NodeRoutingTable routing;

    @Inject
    ChatConfig config;

    /** Subscribes {@code connection} to {@code channels}; returns once the routing table lists this node for them. */
    public void subscribe(ClientConnection connection, Collection<String> channels) {
        channelsOf.computeIfAbsent(connection, c -> ConcurrentHashMap.newKeySet()).addAll(channels);
        List<String> firstHere = new ArrayList<>();
        for (String channel : channels) {
            byChannel.compute(channel, (key, connections) -> {
                Set<ClientConnection> set = connections == null ? ConcurrentHashMap.newKeySet() : connections;
                if (set.isEmpty()) {
                    firstHere.add(channel);
                }
                set.add(connection);
                return set;
            });
        }
        routing.addNode(config.nodeId(), firstHere);
    }

    /** Unsubscribes {@code connection} from everything. */
    public void remove(ClientConnection connection) {
        Set<String> channels = channelsOf.remove(connection);
        if (channels == null) {
            return;
        }
        List<String> lastHere = new ArrayList<>();
        for (String channel : channels) {
            byChannel.computeIfPresent(channel, (key, set) -> {
                set.remove(connection);
                if (set.isEmpty()) {
                    lastHere.add(channel);
                    return null;
                }
                return set;
            });
        }
        routing.removeNode(config.nodeId(), lastHere);
    }

    /** Local delivery: offers a message to every connection of this node subscribed to its channel. */
    public void deliverLocal(NodeDelivery delivery) {
        Set<ClientConnection> connections = byChannel.get(delivery.channel());
        if (connections != null) {
            connections.forEach(connection -> connection.offerMessage(delivery));
        }
    }
}
