package org.chatserver.ejb.gateway;

import java.util.List;

/**
 * Which gateway nodes are alive (a port; Redis implements it). Each node beats at least once per presence refresh
 * interval; a node that has not beaten for the presence TTL is dead, and exactly one live node claims it, to remove
 * what the dead node left in the routing table and in presence.
 */
public interface NodeLiveness {

    /** Records that {@code node} is alive now. */
    void beat(String node);

    /** Claims the nodes silent for longer than {@code ttlMs}; each dead node is answered to one caller only. */
    List<String> claimDead(long ttlMs);
}
