package org.chatserver.ejb.receipt;

import org.chatserver.ejb.wire.WireJson;

/**
 * A member's delivered or read cursor moved forward (fired inside the transaction that moved it; announced after it
 * committed, as a {@code receipt} frame to the channel's other members). Immutable.
 */
public record CursorMoved(String channel, String user, ReceiptKind kind, long seq) {

    /** The {@code receipt} frame. */
    public String toFrame() {
        return WireJson.object()
                .add("op", "receipt")
                .add("channel", channel)
                .add("user", user)
                .add("kind", kind.wireName())
                .add("seq", seq)
                .build().toString();
    }
}
