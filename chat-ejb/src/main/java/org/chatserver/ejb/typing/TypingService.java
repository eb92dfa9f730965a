package org.chatserver.ejb.typing;

import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.chatserver.ejb.wire.WireJson;
import org.chatserver.ejb.channel.ChannelService;
import org.chatserver.ejb.config.ChatConfig;
import org.chatserver.ejb.fanout.ChannelSignal;
import org.chatserver.ejb.fanout.NodeMessageBus;
import org.chatserver.ejb.fanout.NodeRoutingTable;
import org.chatserver.ejb.gateway.ClientConnection;
import org.chatserver.ejb.gateway.LocalSessionIndex;
import org.chatserver.ejb.identity.Identity;

/**
 * Typing: relayed to the channel's other online members as an ephemeral frame, at most once per
 * {@code chat.typing.interval-ms} per user and channel, never stored. Best effort: dropped when Redis is down, and
 * dropped first by a connection that cannot keep up. Thread-safe.
 */
@ApplicationScoped
public class TypingService {

    private static final Logger LOG = Logger.getLogger(TypingService.class.getName());

    @Inject
    LocalSessionIndex index;

    @EJB
    ChannelService channels;

    @Inject
    TypingThrottle throttle;

    @Inject
    NodeRoutingTable routing;

    @Inject
    NodeMessageBus bus;

    @Inject
    ChatConfig config;

    /**
     * {@code connection}'s user is typing in {@code channel}. The connection is subscribed to exactly its user's
     * channels, so that answers membership without the database; only a refusal asks it, for the right error.
     *
     * @throws org.chatserver.ejb.problem.ChatProblem {@code unknown_channel} or {@code not_member}
     */
    public void typing(ClientConnection connection, String channel) {
        Identity user = connection.identity();
        if (!index.subscribed(connection, channel)) {
            channels.requireMember(user, channel);
            return;
        }
        try {
            if (throttle.admit(user.workspace(), user.user(), channel, Duration.ofMillis(config.typingIntervalMs()))) {
                ChannelSignal signal = new ChannelSignal(channel, user.user(), true, frame(channel, user.user()));
                routing.nodesFor(channel).forEach(node -> bus.publish(node, signal));
            }
        } catch (RuntimeException redisDown) {
            LOG.log(Level.FINE, "A typing signal was dropped", redisDown);
        }
    }

    private static String frame(String channel, String user) {
        return WireJson.object().add("op", "typing").add("channel", channel).add("user", user)
                .build().toString();
    }
}
