package org.chatserver.ejb.presence;

import org.chatserver.ejb.wire.WireJson;

/**
 * A user's presence changed cluster-wide: the one event that makes {@code presence} frames. {@code version} orders
 * transitions of one user (Redis server time in microseconds when it happened), so that a receiver never lets an
 * older transition overwrite a newer one that overtook it. Immutable.
 */
public record PresenceTransition(String workspace, String user, PresenceState state, long version) {

    /** The {@code presence} frame of this transition, as a member of {@code channel} sees it. */
    public String toFrame(String channel) {
        return WireJson.object()
                .add("op", "presence")
                .add("user", user)
                .add("state", state.wireName())
                .add("channel", channel)
                .build().toString();
    }
}
