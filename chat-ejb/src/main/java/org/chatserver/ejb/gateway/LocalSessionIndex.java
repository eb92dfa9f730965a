package org.chatserver.ejb.gateway;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.chatserver.ejb.config.ChatConfig;
import org.chatserver.ejb.fanout.ChannelFrame;
import org.chatserver.ejb.fanout.ChannelSignal;
import org.chatserver.ejb.fanout.NodeDelivery;
import org.chatserver.ejb.fanout.NodeEvent;
import org.chatserver.ejb.fanout.NodeRoutingTable;
import org.chatserver.ejb.fanout.PresenceChange;
import org.chatserver.ejb.fanout.SubscriptionChange;
import org.chatserver.ejb.identity.Identity;
import org.chatserver.ejb.presence.PresenceTransition;

/**
 * This node's index of open connections: by channel (which connections are subscribed to it) and by user, and the
 * node's entries in the {@link NodeRoutingTable}: the node is listed for a channel while at least one local connection
 * is subscribed to it, and for a user while the user has a connection here.
 *
 * <p>Local delivery writes a frame to every subscribed connection's outbound queue; it never blocks on a client.
 * Thread-safe: the sets are concurrent, and the first-here and last-gone transitions happen inside the maps' atomic
 * compute for that key; the routing table is written after, outside the compute.
 */
@ApplicationScoped
public class LocalSessionIndex {

    private static final Logger LOG = Logger.getLogger(LocalSessionIndex.class.getName());

    private final Map<String, Set<ClientConnection>> byChannel = new ConcurrentHashMap<>();
    private final Map<ClientConnection, Set<String>> channelsOf = new ConcurrentHashMap<>();
    private final Map<Identity, Set<ClientConnection>> byUser = new ConcurrentHashMap<>();
    /** Connections by the channels they view (the {@code view} op), for presence in large channels. */
    private final Map<String, Set<ClientConnection>> viewersOf = new ConcurrentHashMap<>();
    private final Map<ClientConnection, Set<String>> viewedBy = new ConcurrentHashMap<>();

    @Inject
    NodeRoutingTable routing;

    @Inject
    ChatConfig config;

    /**
     * Adds a new connection subscribed to {@code channels}; returns once the routing table lists this node for them
     * and for the connection's user. Answers whether it is the user's first connection on this node.
     */
    public boolean open(ClientConnection connection, Collection<String> channels) {
        Identity user = key(connection.identity());
        boolean firstOfUser = add(byUser, user, connection);
        if (firstOfUser) {
            routing.addUserNode(config.nodeId(), user.workspace(), user.user());
        }
        subscribe(connection, channels);
        return firstOfUser;
    }

    /** Removes a closed connection from everything; answers whether it was its user's last one on this node. */
    public boolean close(ClientConnection connection) {
        Set<String> channels = channelsOf.remove(connection);
        if (channels != null) {
            unsubscribe(connection, channels);
        }
        forgetViews(connection);
        Identity user = key(connection.identity());
        boolean lastOfUser = remove(byUser, user, connection);
        if (lastOfUser) {
            routing.removeUserNode(config.nodeId(), user.workspace(), user.user());
        }
        return lastOfUser;
    }

    /**
     * Records the channels an open connection views, replacing the ones before; presence of a large channel goes only
     * to its viewers. Called from the connection's frame thread, one call at a time per connection.
     */
    public void view(ClientConnection connection, Set<String> channels) {
        if (!channelsOf.containsKey(connection)) {
            return;
        }
        forgetViews(connection);
        viewedBy.put(connection, Set.copyOf(channels));
        channels.forEach(channel -> add(viewersOf, channel, connection));
    }

    private void forgetViews(ClientConnection connection) {
        Set<String> viewed = viewedBy.remove(connection);
        if (viewed != null) {
            viewed.forEach(channel -> remove(viewersOf, channel, connection));
        }
    }

    /** Whether {@code connection} is subscribed to {@code channel}, i.e. its user is a member. */
    public boolean subscribed(ClientConnection connection, String channel) {
        Set<String> channels = channelsOf.get(connection);
        return channels != null && channels.contains(channel);
    }

    /**
     * Writes all of this node's entries to the routing table again. Redis holds only what can be rebuilt: after it
     * restarted empty, this brings live delivery back without clients reconnecting.
     */
    public void reassertRoutes() {
        routing.addNode(config.nodeId(), List.copyOf(byChannel.keySet()));
        byUser.keySet().forEach(user -> routing.addUserNode(config.nodeId(), user.workspace(), user.user()));
    }

    /** Applies an event another node addressed to this node. */
    public void apply(NodeEvent event) {
        if (event instanceof NodeDelivery message) {
            forEachSubscribed(message.channel(), connection -> connection.offerMessage(message));
        } else if (event instanceof ChannelFrame frame) {
            forEachSubscribed(frame.channel(), connection -> connection.offer(frame.frame()));
        } else if (event instanceof ChannelSignal signal) {
            forEachSubscribed(signal.channel(), connection -> {
                if (!connection.identity().user().equals(signal.fromUser())) {
                    if (signal.ephemeral()) {
                        connection.offerEphemeral(signal.frame());
                    } else {
                        connection.offer(signal.frame());
                    }
                }
            });
        } else if (event instanceof PresenceChange change) {
            deliverPresence(change);
        } else if (event instanceof SubscriptionChange change) {
            Set<ClientConnection> connections = byUser.get(new Identity(change.workspace(), change.user(), null));
            if (connections != null) {
                List<String> channel = List.of(change.channel());
                connections.forEach(connection -> {
                    if (change.subscribe()) {
                        subscribe(connection, channel);
                    } else {
                        unsubscribe(connection, channel);
                    }
                });
            }
        }
    }

    /**
     * Tells each local connection sharing a channel with the user (other than the user's own) of the transition,
     * once, naming the first such channel; a large channel counts only for connections viewing it.
     */
    private void deliverPresence(PresenceChange change) {
        Set<ClientConnection> told = new HashSet<>();
        change.channels().forEach(channel -> tellPresence(change.transition(), channel, false, told));
        change.largeChannels().forEach(channel -> tellPresence(change.transition(), channel, true, told));
    }

    private void tellPresence(PresenceTransition transition, String channel, boolean large,
            Set<ClientConnection> told) {
        String frame = transition.toFrame(channel);
        // A large channel's viewers are few, its subscribers many: walk the viewers, and check they are members.
        Set<ClientConnection> audience = (large ? viewersOf : byChannel).get(channel);
        forEach(audience, connection -> {
            if (!connection.identity().user().equals(transition.user()) && (!large || subscribed(connection, channel))
                    && told.add(connection)) {
                connection.offerPresence(transition, frame);
            }
        });
    }

    private void subscribe(ClientConnection connection, Collection<String> channels) {
        channelsOf.computeIfAbsent(connection, c -> ConcurrentHashMap.newKeySet()).addAll(channels);
        List<String> firstHere = new ArrayList<>();
        for (String channel : channels) {
            if (add(byChannel, channel, connection)) {
                firstHere.add(channel);
            }
        }
        routing.addNode(config.nodeId(), firstHere);
    }

    private void unsubscribe(ClientConnection connection, Collection<String> channels) {
        Set<String> subscribed = channelsOf.get(connection);
        if (subscribed != null) {
            subscribed.removeAll(channels);
        }
        List<String> lastGone = new ArrayList<>();
        for (String channel : channels) {
            if (remove(byChannel, channel, connection)) {
                lastGone.add(channel);
            }
        }
        routing.removeNode(config.nodeId(), lastGone);
    }

    /** Runs {@code action} for each connection subscribed to {@code channel}; one failing does not stop the rest. */
    private void forEachSubscribed(String channel, Consumer<ClientConnection> action) {
        forEach(byChannel.get(channel), action);
    }

    /** Runs {@code action} for each of {@code connections} (null: none); one failing does not stop the rest. */
    private static void forEach(Set<ClientConnection> connections, Consumer<ClientConnection> action) {
        if (connections != null) {
            connections.forEach(connection -> {
                try {
                    action.accept(connection);
                } catch (RuntimeException failure) {
                    LOG.log(Level.WARNING, "Local delivery to a connection failed", failure);
                }
            });
        }
    }

    /** Adds {@code connection} under {@code key}; answers whether it is the first there. */
    private static <K> boolean add(Map<K, Set<ClientConnection>> index, K key, ClientConnection connection) {
        boolean[] first = {false};
        index.compute(key, (k, set) -> {
            Set<ClientConnection> connections = set == null ? ConcurrentHashMap.newKeySet() : set;
            first[0] = connections.isEmpty();
            connections.add(connection);
            return connections;
        });
        return first[0];
    }

    /** Removes {@code connection} from under {@code key}; answers whether it was the last there. */
    private static <K> boolean remove(Map<K, Set<ClientConnection>> index, K key, ClientConnection connection) {
        boolean[] last = {false};
        index.computeIfPresent(key, (k, connections) -> {
            last[0] = connections.remove(connection) && connections.isEmpty();
            return connections.isEmpty() ? null : connections;
        });
        return last[0];
    }

    /** A user's identity without its display name, which may differ between connections. */
    private static Identity key(Identity identity) {
        return new Identity(identity.workspace(), identity.user(), null);
    }
}
