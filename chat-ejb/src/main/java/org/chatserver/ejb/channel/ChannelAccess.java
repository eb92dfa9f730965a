package org.chatserver.ejb.channel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.chatserver.ejb.identity.Identity;
import org.chatserver.ejb.problem.ChatProblem;
import org.chatserver.ejb.problem.ProblemCode;
import org.chatserver.persistence.channel.Channel;
import org.chatserver.persistence.channel.ChannelKind;
import org.chatserver.persistence.channel.ChannelRepository;
import org.chatserver.persistence.membership.Membership;
import org.chatserver.persistence.membership.MembershipRepository;

/**
 * Who may see and use a channel, on the shard the caller selected.
 *
 * <p>The isolation rule: a channel of another workspace, or a private channel or dm the caller is not a member of,
 * answers exactly like a channel that does not exist ({@code unknown_channel}). A public channel is visible to its
 * whole workspace; using it (sending, reading history) needs membership ({@code not_member}). Thread-safe.
 */
@ApplicationScoped
public class ChannelAccess {

    @Inject
    ChannelRepository channels;

    @Inject
    MembershipRepository memberships;

    /** A channel and the caller's membership of it (null when not a member), if the caller may see it. */
    public record Visible(Channel channel, Membership membership) {
        public ChannelView view() {
            return ChannelView.of(channel, membership);
        }
    }

    /** The channel as {@code caller} may see it. */
    public Visible visible(Identity caller, String channelId) {
        return check(caller, channelId, channels.find(caller.workspace(), channelId).orElse(null));
    }

    /** The channel, row-locked for appending, if {@code caller} is a member. */
    public Visible memberForAppend(Identity caller, String channelId) {
        return requireMember(check(caller, channelId,
                channels.lockForAppend(caller.workspace(), channelId).orElse(null)));
    }

    /** The channel, if {@code caller} is a member. */
    public Visible member(Identity caller, String channelId) {
        return requireMember(visible(caller, channelId));
    }

    private Visible check(Identity caller, String channelId, Channel channel) {
        if (channel == null) {
            throw ChatProblem.unknownChannel(channelId);
        }
        Membership membership = memberships.find(channel.id(), caller.user()).orElse(null);
        if (membership == null && channel.kind() != ChannelKind.PUBLIC) {
            throw ChatProblem.unknownChannel(channelId);
        }
        return new Visible(channel, membership);
    }

    private static Visible requireMember(Visible visible) {
        if (visible.membership() == null) {
            throw new ChatProblem(ProblemCode.NOT_MEMBER, "Join the channel first");
        }
        return visible;
    }
}
