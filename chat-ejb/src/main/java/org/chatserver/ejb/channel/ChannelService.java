package org.chatserver.ejb.channel;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;

import org.chatserver.ejb.identity.Identity;
import org.chatserver.ejb.identity.IdentityService;
import org.chatserver.ejb.paging.PageLimit;
import org.chatserver.ejb.problem.ChatProblem;
import org.chatserver.ejb.problem.ProblemCode;
import org.chatserver.ejb.shard.WorkspaceShards;
import org.chatserver.persistence.channel.Channel;
import org.chatserver.persistence.channel.ChannelKind;
import org.chatserver.persistence.channel.ChannelRepository;
import org.chatserver.persistence.membership.Membership;
import org.chatserver.persistence.membership.MembershipRepository;

/**
 * Channels and membership: creating, browsing, joining, adding and removing members, and reading channels as a member
 * sees them. Each method is one transaction on the caller's shard; a membership change fires a
 * {@link MembershipChange}, which takes effect on live connections once the transaction committed.
 */
@Stateless
public class ChannelService {

    /** A created or, for a repeated dm, found channel. */
    public record Created(ChannelView channel, boolean created) {
    }

    @Inject
    WorkspaceShards shards;

    @Inject
    IdentityService identities;

    @Inject
    ChannelRepository channels;

    @Inject
    MembershipRepository memberships;

    @Inject
    ChannelAccess access;

    @Inject
    Event<MembershipChange> membershipChanges;

    /** Creates a channel with its creator and members; a dm that exists already is answered as it is. */
    public Created create(Identity creator, NewChannel request) {
        request.members().forEach(member -> identities.provisionMember(creator.workspace(), member));
        return shards.callIn(creator.workspace(), () -> {
            String dmKey = null;
            if (request.kind() == ChannelKind.DM) {
                dmKey = NewChannel.dmKey(creator.user(), request.members().iterator().next());
                Optional<Channel> existing = channels.findDm(creator.workspace(), dmKey);
                if (existing.isPresent()) {
                    return new Created(access.visible(creator, existing.get().id()).view(), false);
                }
            } else if (channels.findByName(creator.workspace(), request.name()).isPresent()) {
                throw nameTaken();
            }
            Channel channel = new Channel(UUID.randomUUID().toString(), creator.workspace(), request.name(),
                    request.kind(), dmKey, creator.user(), System.currentTimeMillis());
            try {
                channels.insert(channel);
            } catch (PersistenceException raced) {
                throw nameTaken();
            }
            Membership creatorMembership = addMember(channel, creator.user());
            request.members().forEach(user -> addMember(channel, user));
            return new Created(ChannelView.of(channel, creatorMembership), true);
        });
    }

    /** The workspace's public channels, to browse and join; only the one named {@code name} when it is given. */
    public ChannelPage browsePublic(Identity caller, String name, String afterId, PageLimit limit) {
        return shards.callIn(caller.workspace(), () -> {
            List<Channel> rows = channels.publicChannels(caller.workspace(), name, afterId, limit.probe());
            List<ChannelView> views = rows.stream().limit(limit.value())
                    .map(channel -> ChannelView.of(channel,
                            memberships.find(channel.id(), caller.user()).orElse(null)))
                    .toList();
            return new ChannelPage(views, rows.size() > limit.value());
        });
    }

    /**
     * Makes the caller a member of a public channel; a member of any channel it can see already stays one.
     *
     * @throws ChatProblem {@code unknown_channel} for a channel the caller cannot join (not public, not visible)
     */
    public ChannelView join(Identity caller, String channelId) {
        return shards.callIn(caller.workspace(), () -> {
            Channel channel = channels.lockForAppend(caller.workspace(), channelId)
                    .orElseThrow(() -> ChatProblem.unknownChannel(channelId));
            Membership membership = memberships.find(channelId, caller.user()).orElse(null);
            if (membership == null) {
                if (channel.kind() != ChannelKind.PUBLIC) {
                    throw ChatProblem.unknownChannel(channelId);
                }
                membership = addMember(channel, caller.user());
            }
            return ChannelView.of(channel, membership);
        });
    }

    /**
     * Adds users to a channel the caller is a member of (not to a dm); answers the channel's members among them.
     *
     * @throws ChatProblem {@code bad_request} for a dm or a bad user id
     */
    public List<String> addMembers(Identity caller, String channelId, List<String> users) {
        List<String> added = users.stream().map(user -> Identity.requireId(user, "user")).distinct().toList();
        added.forEach(user -> identities.provisionMember(caller.workspace(), user));
        return shards.callIn(caller.workspace(), () -> {
            Channel channel = membersChangeable(caller, channelId);
            for (String user : added) {
                if (memberships.find(channelId, user).isEmpty()) {
                    addMember(channel, user);
                }
            }
            return added;
        });
    }

    /**
     * Removes a user from a channel the caller is a member of (not from a dm); removing a non-member changes nothing.
     *
     * @throws ChatProblem {@code bad_request} for a dm
     */
    public void removeMember(Identity caller, String channelId, String user) {
        shards.runIn(caller.workspace(), () -> {
            Channel channel = membersChangeable(caller, channelId);
            memberships.find(channelId, user).ifPresent(membership -> {
                memberships.delete(membership);
                channel.membersChanged(-1);
                membershipChanges.fire(new MembershipChange(channel.workspaceId(), channelId, user, false));
            });
        });
    }

    /** A page of a channel's members, for whoever may see the channel. */
    public MemberPage members(Identity caller, String channelId, String afterUser, PageLimit limit) {
        return shards.callIn(caller.workspace(), () -> {
            access.visible(caller, channelId);
            List<Membership> rows = memberships.members(channelId, afterUser, limit.probe());
            return new MemberPage(rows.stream().limit(limit.value())
                    .map(m -> new MemberPage.Member(m.userId(), m.joinedAt())).toList(),
                    rows.size() > limit.value());
        });
    }

    /** The channel, if the caller may see it. */
    public ChannelView get(Identity caller, String channelId) {
        return shards.callIn(caller.workspace(), () -> access.visible(caller, channelId).view());
    }

    /** The caller's channels. */
    public List<ChannelView> listMine(Identity caller) {
        return shards.callIn(caller.workspace(), () -> {
            return memberships.channelsOf(caller.workspace(), caller.user()).stream()
                    .map(row -> ChannelView.of(row.channel(), row.membership()))
                    .toList();
        });
    }

    /**
     * Checks that the caller is a member of the channel.
     *
     * @throws ChatProblem {@code unknown_channel} or {@code not_member}
     */
    public void requireMember(Identity caller, String channelId) {
        shards.runIn(caller.workspace(), () -> access.member(caller, channelId));
    }

    /** The user ids of all members of a channel, for a member of it. */
    public List<String> memberIds(Identity caller, String channelId) {
        return shards.callIn(caller.workspace(), () -> {
            access.member(caller, channelId);
            return memberships.memberIds(channelId);
        });
    }

    /** The ids of the caller's channels. */
    public List<String> memberChannelIds(Identity caller) {
        return shards.callIn(caller.workspace(), () -> memberships.channelIdsOf(caller.workspace(), caller.user()));
    }

    /** The channel, row-locked, if the caller is a member and it is not a dm (whose two members are fixed). */
    private Channel membersChangeable(Identity caller, String channelId) {
        Channel channel = access.memberForAppend(caller, channelId).channel();
        if (channel.kind() == ChannelKind.DM) {
            throw ChatProblem.badRequest("a dm's members cannot change");
        }
        return channel;
    }

    /** Makes {@code user} a member who has read everything so far, and announces it. */
    private Membership addMember(Channel channel, String user) {
        Membership membership = new Membership(channel.id(), channel.workspaceId(), user, System.currentTimeMillis());
        membership.readUpTo(channel.lastSeq());
        memberships.insert(membership);
        channel.membersChanged(1);
        membershipChanges.fire(new MembershipChange(channel.workspaceId(), channel.id(), user, true));
        return membership;
    }

    private static ChatProblem nameTaken() {
        return new ChatProblem(ProblemCode.NAME_TAKEN, "A channel of that name exists in the workspace");
    }
}
