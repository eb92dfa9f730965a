package org.chatserver.ejb.message;

import org.chatserver.ejb.identity.Identity;

/** A validated request to send: who, under which idempotency key, to which channel, what. Immutable. */
public record SendCommand(Identity sender, ClientMsgId clientMsgId, String channelId, MessageBody body) {
}
