package org.chatserver.ejb.message;

import java.util.Objects;

import org.chatserver.ejb.problem.ChatProblem;

/**
 * The sync cursor: the last {@code seq} of a channel a client has, from which {@code sync} replays. 0 means nothing
 * yet. A cursor ahead of the channel replays nothing; a negative one is refused. Immutable.
 */
public record SyncCursor(String channel, long seq) {

    /** @throws ChatProblem {@code bad_request} for a negative {@code seq} */
    public SyncCursor {
        Objects.requireNonNull(channel, "channel");
        if (seq < 0) {
            throw ChatProblem.badRequest("a cursor is a seq, 0 or more");
        }
    }
}
