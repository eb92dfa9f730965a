package org.chatserver.ejb.presence;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.chatserver.ejb.channel.ChannelService;
import org.chatserver.ejb.config.ChatConfig;
import org.chatserver.ejb.identity.Identity;

/**
 * Presence: online while a user has a connection on some node, away when the user says so, offline when the last
 * connection closed or its node died. Each transition is announced once, to the members of the user's channels
 * ({@link PresenceFanout}); nothing is announced per heartbeat.
 *
 * <p>This node's claims are renewed from what it has claimed here, not from its open connections: a claim is
 * made by {@link #connected} (which may run a moment after the connection opened) and withdrawn by
 * {@link #disconnected}, and a renewal never runs between a store call and the bookkeeping of its claim. Renewing
 * from the connections instead would let a renewal claim a user first, so that {@link #connected} finds the user
 * online and announces nothing, or re-claim a user just released, who would then stay online until the TTL.
 *
 * <p>Presence lives in Redis and degrades with it: while Redis is down, transitions are not announced (clients
 * still work; presence is eventually consistent). Thread-safe.
 */
@ApplicationScoped
public class PresenceService {

    private static final Logger LOG = Logger.getLogger(PresenceService.class.getName());

    @Inject
    PresenceStore store;

    @Inject
    PresenceFanout fanout;

    @EJB
    ChannelService channels;

    @Inject
    ChatConfig config;

    /** The users this node has claimed (without display names). */
    private final Set<Identity> claimed = ConcurrentHashMap.newKeySet();

    /** Claims and releases share it; a renewal takes it alone. */
    private final ReadWriteLock claims = new ReentrantReadWriteLock();

    /** This node has a first connection of {@code user}. */
    public void connected(Identity user) {
        announce(() -> withClaims(() -> {
            claimed.add(keyOf(user));
            return store.connected(config.nodeId(), user).stream().toList();
        }));
    }

    /** This node has no connection of {@code user} any more: offline at once unless another node has one. */
    public void disconnected(Identity user) {
        announce(() -> withClaims(() -> {
            claimed.remove(keyOf(user));
            return store.disconnected(config.nodeId(), user).stream().toList();
        }));
    }

    /** The {@code presence} op: an online user sets its own state to online or away. */
    public void set(Identity user, PresenceState state) {
        announce(() -> store.set(user, state).stream().toList());
    }

    /** Renews this node's claims on its users (one batch per refresh interval). */
    public void refresh() {
        claims.writeLock().lock();
        try {
            store.refresh(config.nodeId(), Set.copyOf(claimed));
        } finally {
            claims.writeLock().unlock();
        }
    }

    /** Releases the presence claims of a node that is gone (a dead node, or this node's previous run). */
    public void releaseNode(String node) {
        announce(() -> store.releaseNode(node));
    }

    /** {@code GET /channels/{id}/presence}: the channel's members who are online or away, for a member. */
    public Map<String, PresenceState> onlineMembers(Identity caller, String channel) {
        List<String> members = channels.memberIds(caller, channel);
        return store.online(caller.workspace(), members);
    }

    private void announce(TransitionSource source) {
        try {
            source.transitions().forEach(fanout::publish);
        } catch (RuntimeException failure) {
            // Presence is eventually consistent: a lost transition is corrected by the next one; say so once per
            // failure without the stack, which FINE has.
            LOG.warning(() -> "A presence transition was not announced: " + failure);
            LOG.log(Level.FINE, "A presence transition was not announced", failure);
        }
    }

    private List<PresenceTransition> withClaims(TransitionSource source) {
        claims.readLock().lock();
        try {
            return source.transitions();
        } finally {
            claims.readLock().unlock();
        }
    }

    /** A user's identity without its display name, which may differ between connections. */
    private static Identity keyOf(Identity user) {
        return new Identity(user.workspace(), user.user(), null);
    }

    /** A store call that may cause transitions. */
    @FunctionalInterface
    private interface TransitionSource {
        List<PresenceTransition> transitions();
    }
}
