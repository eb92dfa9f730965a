package org.chatserver.ejb.fanout;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * The node routing table: which gateway nodes hold open connections of members of a channel, and of a user.
 *
 * <p>Contract: a node is listed for a channel from the moment its first local connection subscribed to the channel
 * (before that connection gets {@code hello}) until its last one left. The table holds only what can be rebuilt: each
 * node re-asserts its own entries, and a node that died is dropped when its liveness expires. Reads may be stale by a
 * moment: a missed live frame costs latency (the client syncs on the gap), never data.
 */
public interface NodeRoutingTable {

    /** Lists {@code node} for each of {@code channels}; returns when stored. */
    void addNode(String node, Collection<String> channels);

    /** Unlists {@code node} for each of {@code channels}. */
    void removeNode(String node, Collection<String> channels);

    /** The nodes listed for {@code channel}. */
    Set<String> nodesFor(String channel);

    /** The nodes listed for each of {@code channels}, read in one round trip. */
    Map<String, Set<String>> nodesFor(Collection<String> channels);

    /** Removes every entry of {@code node}: it died, or this is its next run. */
    void forgetNode(String node);

    /** Lists {@code node} as holding connections of {@code user} of {@code workspace}; returns when stored. */
    void addUserNode(String node, String workspace, String user);

    /** Unlists {@code node} for {@code user} of {@code workspace}. */
    void removeUserNode(String node, String workspace, String user);

    /** The nodes holding connections of {@code user} of {@code workspace}. */
    Set<String> nodesOfUser(String workspace, String user);
}
