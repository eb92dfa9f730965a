package org.chatserver.ejb.gateway;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;

import org.chatserver.ejb.config.ChatConfig;
import org.chatserver.ejb.fanout.NodeRoutingTable;
import org.chatserver.ejb.presence.PresenceService;

/**
 * Keeps this node's standing in the cluster. At start-up it removes what a previous run of the same node id left
 * (routes, presence claims), so nothing stale remains when a node comes back. Every
 * {@code chat.presence.refresh-interval-ms} it beats its liveness, renews its users' presence in one batch, and
 * cleans up after nodes that stopped beating for the presence TTL: their routes go, and their users turn offline for
 * everyone unless connected elsewhere.
 */
@Singleton
@Startup
public class NodeKeeper {

    private static final Logger LOG = Logger.getLogger(NodeKeeper.class.getName());

    @Inject
    ChatConfig config;

    @Inject
    NodeLiveness liveness;

    @Inject
    NodeRoutingTable routing;

    @Inject
    PresenceService presence;

    @Resource
    TimerService timers;

    @PostConstruct
    void start() {
        try {
            forget(config.nodeId());
            liveness.beat(config.nodeId());
        } catch (RuntimeException redisDown) {
            LOG.log(Level.WARNING, "Redis unavailable at start-up; stale entries of this node stay until it is back",
                    redisDown);
        }
        long every = config.presenceRefreshIntervalMs();
        timers.createIntervalTimer(every, every, new TimerConfig(null, false));
    }

    @Timeout
    void tick() {
        try {
            liveness.beat(config.nodeId());
            presence.refresh();
            liveness.claimDead(config.presenceTtlMs()).forEach(this::forget);
        } catch (RuntimeException redisDown) {
            LOG.log(Level.FINE, "Node standing not renewed; retrying at the next tick", redisDown);
        }
    }

    private void forget(String node) {
        routing.forgetNode(node);
        presence.releaseNode(node);
    }
}
