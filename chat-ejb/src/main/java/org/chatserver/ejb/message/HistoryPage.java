package org.chatserver.ejb.message;

import java.util.List;

/**
 * A page of a channel's history, ascending by {@code seq}. {@code hasMore}: for a page after a seq, newer messages
 * exist; for a page before a seq (or the newest page), older ones do. Immutable.
 */
public record HistoryPage(List<ChatMessage> messages, boolean hasMore) {

    /** The most messages one page holds (PROTOCOL.md: {@code limit} 1..200). */
    public static final int MAX_LIMIT = 200;

    /** The page size when the client names none. */
    public static final int DEFAULT_LIMIT = 50;
}
