package org.chatserver.ejb.channel;

import org.chatserver.persistence.channel.Channel;
import org.chatserver.persistence.membership.Membership;

/**
 * A channel as one member sees it (PROTOCOL.md's channel object): {@code lastReadSeq} and {@code unread} are the
 * caller's. Immutable.
 */
public record ChannelView(String id, String workspace, String name, String kind, int memberCount, long lastSeq,
        long lastReadSeq, long unread) {

    /** The view of {@code channel} for a caller whose membership is {@code membership} (null: not a member). */
    public static ChannelView of(Channel channel, Membership membership) {
        long lastRead = membership == null ? 0 : Math.min(membership.lastReadSeq(), channel.lastSeq());
        return new ChannelView(channel.id(), channel.workspaceId(), channel.name(), channel.kind().wireName(),
                channel.memberCount(), channel.lastSeq(), lastRead, channel.lastSeq() - lastRead);
    }
}
