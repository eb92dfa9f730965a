package org.chatserver.ejb.channel;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;

import org.chatserver.ejb.identity.Identity;
import org.chatserver.ejb.identity.IdentityService;
import org.chatserver.ejb.problem.ChatProblem;
import org.chatserver.ejb.problem.ProblemCode;
import org.chatserver.ejb.shard.WorkspaceShards;
import org.chatserver.persistence.channel.Channel;
import org.chatserver.persistence.channel.ChannelKind;
import org.chatserver.persistence.channel.ChannelRepository;
import org.chatserver.persistence.membership.Membership;
import org.chatserver.persistence.membership.MembershipRepository;

/** Creating channels and reading them as a member sees them. Each method is one transaction on the caller's shard. */
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
            List<String> all = new ArrayList<>(request.members());
            all.add(0, creator.user());
            Membership creatorMembership = null;
            for (String user : all) {
                Membership membership = new Membership(channel.id(), creator.workspace(), user, channel.createdAt());
                memberships.insert(membership);
                channel.membersChanged(1);
                if (user.equals(creator.user())) {
                    creatorMembership = membership;
                }
            }
            return new Created(ChannelView.of(channel, creatorMembership), true);
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

    /** The ids of the caller's channels. */
    public List<String> memberChannelIds(Identity caller) {
        return shards.callIn(caller.workspace(), () -> memberships.channelIdsOf(caller.workspace(), caller.user()));
    }

    private static ChatProblem nameTaken() {
        return new ChatProblem(ProblemCode.NAME_TAKEN, "A channel of that name exists in the workspace");
    }
}
