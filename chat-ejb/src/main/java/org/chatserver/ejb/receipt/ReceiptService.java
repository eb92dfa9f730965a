package org.chatserver.ejb.receipt;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.chatserver.ejb.channel.ChannelAccess;
import org.chatserver.ejb.config.ChatConfig;
import org.chatserver.ejb.identity.Identity;
import org.chatserver.ejb.problem.ChatProblem;
import org.chatserver.ejb.shard.WorkspaceShards;
import org.chatserver.persistence.channel.Channel;
import org.chatserver.persistence.membership.MembershipRepository;

/**
 * Receipts: a member's delivered and read cursors, stored on its membership and moved forward only (a cursor never
 * goes backwards, whatever order moves arrive in). A move in a channel of at most
 * {@code chat.receipts.max-channel-members} members is announced to the other members once committed
 * ({@link CursorMoved}). Each method is one transaction on the caller's shard.
 */
@Stateless
public class ReceiptService {

    @Inject
    WorkspaceShards shards;

    @Inject
    ChannelAccess access;

    @Inject
    MembershipRepository memberships;

    @Inject
    ChatConfig config;

    @Inject
    Event<CursorMoved> moves;

    /**
     * Moves the caller's cursor of {@code kind} in {@code channelId} to {@code seq}; a cursor already there or beyond
     * stays.
     *
     * @throws ChatProblem {@code unknown_channel} or {@code not_member} as for any channel call; {@code bad_request}
     *                     for a seq below 0 or beyond the channel's newest message
     */
    public void move(Identity caller, String channelId, ReceiptKind kind, long seq) {
        shards.runIn(caller.workspace(), () -> {
            Channel channel = access.member(caller, channelId).channel();
            if (seq < 0 || seq > channel.lastSeq()) {
                throw ChatProblem.badRequest("seq must be 0.." + channel.lastSeq() + ", the channel's newest message");
            }
            boolean moved = kind == ReceiptKind.READ
                    ? memberships.advanceRead(channelId, caller.user(), seq)
                    : memberships.advanceDelivered(channelId, caller.user(), seq);
            if (moved && channel.memberCount() <= config.receiptsMaxChannelMembers()) {
                moves.fire(new CursorMoved(channelId, caller.user(), kind, seq));
            }
        });
    }
}
