package org.chatserver.ejb.channel;

import org.chatserver.ejb.wire.WireJson;

/**
 * A user joined or left a channel (fired inside the changing transaction; acted on after it committed): the
 * {@code member} frame of PROTOCOL.md, and the signal to subscribe or unsubscribe the user's live connections.
 * Immutable.
 */
public record MembershipChange(String workspace, String channel, String user, boolean joined) {

    /** The {@code member} frame. */
    public String toFrame() {
        return WireJson.object()
                .add("op", "member")
                .add("channel", channel)
                .add("user", user)
                .add("change", joined ? "joined" : "left")
                .build().toString();
    }
}
