package org.chatserver.ejb.fanout;

import java.util.OptionalLong;

/**
 * The last {@code seq} fanned out per channel, shared by the nodes, so that a node taking over a partition (or
 * restarting) continues where the fan-out stood instead of guessing. Rebuildable: losing it costs at most a bounded
 * number of repeated frames (see {@link FanoutSequencer}).
 */
public interface FanoutPositions {

    /** Where the fan-out of {@code channel} stands, if stored. */
    OptionalLong load(String channel);

    /**
     * Records that the fan-out of {@code channel} delivered {@code seq}. Need not wait for the store, and may store
     * later, with other saves: this node's {@link #load} sees it at once, other nodes within a bounded delay.
     */
    void save(String channel, long seq);
}
