package org.chatserver.ejb.gateway;

import java.time.Duration;
import java.util.Set;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.chatserver.ejb.channel.ChannelService;
import org.chatserver.ejb.config.ChatConfig;
import org.chatserver.ejb.identity.Identity;
import org.chatserver.ejb.ordering.OrderedLanes;
import org.chatserver.ejb.presence.PresenceService;
import org.chatserver.ejb.presence.PresenceState;

/**
 * Opening and closing client connections on this node: a connection is subscribed to all its user's channels before
 * it is greeted, so every message committed after {@code hello} reaches it live unless a fault intervenes. A user's
 * first connection on the node claims the user's presence for the node, the last one releases it.
 *
 * <p>Presence is announced off the connection's thread, on {@code chat.presence.announce-lanes} {@link OrderedLanes}
 * keyed by user: an announcement costs a Redis script, a database query and a publish per node, and thousands of
 * clients connecting or closing at once (a node restart, a network blip) must not hold the server's request threads
 * for that. One user's transitions keep their order. Thread-safe.
 */
@ApplicationScoped
public class GatewayService {

    /** How long shutdown waits for announcements already handed in. */
    private static final Duration DRAIN = Duration.ofSeconds(5);

    @EJB
    ChannelService channels;

    @Inject
    LocalSessionIndex index;

    @Inject
    PresenceService presence;

    @Inject
    ChatConfig config;

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;

    private OrderedLanes announcements;

    @PostConstruct
    void start() {
        announcements = new OrderedLanes("presence announcements", config.presenceAnnounceLanes(), threads);
    }

    /** Subscribes a new connection to its user's channels; returns once it is reachable from any node's fan-out. */
    public void open(ClientConnection connection) {
        Identity user = connection.identity();
        if (index.open(connection, channels.memberChannelIds(user))) {
            announcements.execute(laneOf(user), () -> presence.connected(user));
        }
    }

    public void close(ClientConnection connection) {
        Identity user = connection.identity();
        if (index.close(connection)) {
            announcements.execute(laneOf(user), () -> presence.disconnected(user));
        }
    }

    /** The {@code view} op: the channels on the connection's screen, replacing the ones before. */
    public void view(ClientConnection connection, Set<String> channels) {
        index.view(connection, channels);
    }

    /** The {@code presence} op of a connected user: after the user's connection was announced. */
    public void setPresence(Identity user, PresenceState state) {
        announcements.execute(laneOf(user), () -> presence.set(user, state));
    }

    @PreDestroy
    void stop() {
        announcements.shutdown(DRAIN);
    }

    /** A user's lane: by workspace and user id, whatever the display name of the connection. */
    private static String laneOf(Identity user) {
        return user.workspace() + '/' + user.user();
    }
}
