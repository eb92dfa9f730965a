package org.chatserver.ejb.presence;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.chatserver.ejb.identity.Identity;

/**
 * Where presence lives for the whole cluster (a port; Redis implements it). A user is online while at least one node
 * holds a connection of theirs; each node's claim expires after the presence TTL unless the node refreshes it.
 *
 * <p>Contract: the methods that change state answer the transition they caused, if any, and exactly one caller in
 * the cluster gets each transition (they are atomic in the store), so each transition is announced once. Users are
 * keyed by (workspace, user); display names are ignored.
 */
public interface PresenceStore {

    /** {@code node} holds a first connection of {@code user}; answers the transition to online if the user was not. */
    Optional<PresenceTransition> connected(String node, Identity user);

    /** {@code node} holds no connection of {@code user} any more; answers the transition to offline, if it is one. */
    Optional<PresenceTransition> disconnected(String node, Identity user);

    /** Sets an online user's state to {@code online} or {@code away}; answers the transition if it changed. */
    Optional<PresenceTransition> set(Identity user, PresenceState state);

    /** Renews {@code node}'s claims on {@code users}, in one batch (not one call per user or per heartbeat). */
    void refresh(String node, Collection<Identity> users);

    /** Releases every claim of {@code node} (a dead node, or this node's previous run): answers the transitions. */
    List<PresenceTransition> releaseNode(String node);

    /** The state of each of {@code users} of {@code workspace} that is not offline. */
    Map<String, PresenceState> online(String workspace, Collection<String> users);
}
