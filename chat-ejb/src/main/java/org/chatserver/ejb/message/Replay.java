package org.chatserver.ejb.message;

import java.util.List;

import org.chatserver.ejb.paging.PageLimit;

/**
 * A {@code sync} replay of one channel: the messages after the client's cursor, ascending and at most
 * {@link PageLimit#MAX}; {@code replayedThrough}, the {@code seq} they bring the client to (the cursor when
 * there are none); and {@code lastSeq}, the channel's newest {@code seq} when they were read. Immutable.
 */
public record Replay(String channel, List<ChatMessage> messages, long replayedThrough, long lastSeq) {

    /** Whether messages after the replayed ones remain (the client pages them over REST). */
    public boolean hasMore() {
        return replayedThrough < lastSeq;
    }
}
