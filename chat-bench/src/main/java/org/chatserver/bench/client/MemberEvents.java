package org.chatserver.bench.client;

/**
 * What a scenario learns from its {@link ChatMember}s. Called on event-loop threads (one call at a time per member);
 * implementations must be thread-safe across members and must not block. Every method has a no-op default.
 */
public interface MemberEvents {

    /** The {@code hello} frame arrived: the connection is subscribed. */
    default void onHello(ChatMember member) {
    }

    /**
     * A {@code msg} frame that continues the member's channel in order (seq = last + 1), live or replayed.
     *
     * @param from          the sender's user id
     * @param receivedNanos {@link System#nanoTime()} when the frame was read
     */
    default void onMessage(ChatMember member, String channel, long seq, String from, String clientMsgId,
            long receivedNanos) {
    }

    /** A {@code msg} frame with a seq the member already had (dropped, as PROTOCOL.md asks). */
    default void onDuplicate(ChatMember member, String channel, long seq, String clientMsgId) {
    }

    /** A {@code msg} frame that skipped seqs: the member starts a {@code sync} of that channel. */
    default void onGap(ChatMember member, String channel, long expectedSeq, long seq) {
    }

    /** The member's own send was acked (durably stored). */
    default void onAck(ChatMember member, String clientMsgId, String channel, long seq, long receivedNanos) {
    }

    /** Every channel of a {@link ChatMember#syncAll()} answered {@code synced} without {@code has_more}. */
    default void onResynced(ChatMember member) {
    }

    /** An {@code error} frame; {@code ref} is a client_msg_id, an op or a channel. */
    default void onError(ChatMember member, String code, String ref) {
    }

    /** The connection ended; {@code code} is the close code or -1 without a close frame. */
    default void onClosed(ChatMember member, int code) {
    }
}
