package org.chatserver.ejb.message;

/**
 * The answer to a send, given only after the message is committed: where it was stored, and whether this send was a
 * repeat of an earlier one (then every field is the original's). Immutable.
 */
public record SendResult(String id, String channel, long seq, long ts, String clientMsgId, boolean duplicate) {
}
