package org.chatserver.ejb.channel;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

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

    /**
     * The channels a batch of appends goes to, row-locked in id order, with the memberships of the batch's senders: two
     * queries for the whole batch. Not scoped by workspace: {@link FoundChannels#member} checks each caller's.
     */
    public FoundChannels lockAllForAppend(Collection<String> channelIds, Collection<String> senderIds) {
        Map<String, Channel> locked = new HashMap<>();
        channels.lockAllForAppend(channelIds).forEach(channel -> locked.put(channel.id(), channel));
        Map<Membership.Key, Membership> members = new HashMap<>();
        memberships.findAll(channelIds, senderIds)
                .forEach(m -> members.put(new Membership.Key(m.channelId(), m.userId()), m));
        return new FoundChannels(locked, members);
    }

    /** The channels among {@code channelIds} that {@code caller} may use, with its memberships: one query for all. */
    public FoundChannels membersOf(Identity caller, Collection<String> channelIds) {
        Map<String, Channel> found = new HashMap<>();
        Map<Membership.Key, Membership> members = new HashMap<>();
        memberships.channelsWithMembership(caller.workspace(), channelIds, caller.user()).forEach(row -> {
            found.put(row.channel().id(), row.channel());
            if (row.membership() != null) {
                members.put(new Membership.Key(row.channel().id(), caller.user()), row.membership());
            }
        });
        return new FoundChannels(found, members);
    }

    /**
     * Channels and memberships found at once, by {@link #lockAllForAppend} or {@link #membersOf}; used within the
     * transaction that found them. Not thread-safe.
     */
    public static final class FoundChannels {

        private final Map<String, Channel> channels;
        private final Map<Membership.Key, Membership> memberships;

        private FoundChannels(Map<String, Channel> channels, Map<Membership.Key, Membership> memberships) {
            this.channels = channels;
            this.memberships = memberships;
        }

        /** The channel, if {@code caller} is a member: the rule of {@link ChannelAccess#member}. */
        public Visible member(Identity caller, String channelId) {
            Channel channel = channels.get(channelId);
            if (channel != null && !channel.workspaceId().equals(caller.workspace())) {
                channel = null;
            }
            return requireMember(check(channelId, channel,
                    memberships.get(new Membership.Key(channelId, caller.user()))));
        }
    }

    /** The channel, if {@code caller} is a member. */
    public Visible member(Identity caller, String channelId) {
        return requireMember(visible(caller, channelId));
    }

    private Visible check(Identity caller, String channelId, Channel channel) {
        return check(channelId, channel,
                channel == null ? null : memberships.find(channel.id(), caller.user()).orElse(null));
    }

    /** The isolation rule, given the channel (null when it does not exist) and the caller's membership. */
    private static Visible check(String channelId, Channel channel, Membership membership) {
        if (channel == null) {
            throw ChatProblem.unknownChannel(channelId);
        }
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
