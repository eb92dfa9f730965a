package org.chatserver.ejb.message;

import java.util.List;

/**
 * A page of a channel's history, ascending by {@code seq}. {@code hasMore}: for a page after a seq, newer messages
 * exist; for a page before a seq (or the newest page), older ones do. Immutable.
 */
public record HistoryPage(List<ChatMessage> messages, boolean hasMore) {
}
