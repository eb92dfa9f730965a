package org.chatserver.ejb.presence;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.chatserver.ejb.channel.ChannelService;
import org.chatserver.ejb.channel.ChannelView;
import org.chatserver.ejb.config.ChatConfig;
import org.chatserver.ejb.fanout.NodeMessageBus;
import org.chatserver.ejb.fanout.NodeRoutingTable;
import org.chatserver.ejb.fanout.PresenceChange;
import org.chatserver.ejb.identity.Identity;

/**
 * Remote delivery of presence transitions: one {@link PresenceChange} per node that holds connections in any of the
 * user's channels, never one per member or per channel. Channels over {@code chat.presence.large-channel-members}
 * are marked large, so that nodes tell only the connections viewing them. Thread-safe.
 */
@ApplicationScoped
public class PresenceFanout {

    @EJB
    ChannelService channels;

    @Inject
    NodeRoutingTable routing;

    @Inject
    NodeMessageBus bus;

    @Inject
    ChatConfig config;

    void publish(PresenceTransition transition) {
        Identity user = new Identity(transition.workspace(), transition.user(), null);
        List<String> small = new ArrayList<>();
        List<String> large = new ArrayList<>();
        for (ChannelView channel : channels.listMine(user)) {
            (channel.memberCount() > config.presenceLargeChannelMembers() ? large : small).add(channel.id());
        }
        Set<String> nodes = new HashSet<>();
        routing.nodesFor(small).values().forEach(nodes::addAll);
        routing.nodesFor(large).values().forEach(nodes::addAll);
        PresenceChange change = new PresenceChange(transition, small, large);
        nodes.forEach(node -> bus.publish(node, change));
    }
}
