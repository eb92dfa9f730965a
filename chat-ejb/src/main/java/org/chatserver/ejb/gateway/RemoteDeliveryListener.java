package org.chatserver.ejb.gateway;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;

import org.chatserver.ejb.config.ChatConfig;
import org.chatserver.ejb.fanout.NodeMessageBus;

/**
 * Receives the events other nodes addressed to this node (messages, frames, presence, subscription changes) and
 * applies them to this node's connections through the {@link DeliveryLanes}, from start-up to shutdown; and
 * reasserts this node's routes every {@code chat.routing.reassert-interval-ms}.
 */
@Singleton
@Startup
public class RemoteDeliveryListener {

    private static final Logger LOG = Logger.getLogger(RemoteDeliveryListener.class.getName());

    @Inject
    ChatConfig config;

    @Inject
    NodeMessageBus bus;

    @Inject
    LocalSessionIndex index;

    @Inject
    DeliveryLanes lanes;

    @Resource
    TimerService timers;

    @PostConstruct
    void subscribe() {
        bus.subscribe(config.nodeId(), event -> lanes.dispatch(event, index::apply));
        long every = config.routeReassertIntervalMs();
        timers.createIntervalTimer(every, every, new TimerConfig(null, false));
    }

    /** Keeps this node's routes in Redis even if Redis lost them (Redisson resubscribes the bus by itself). */
    @Timeout
    void reassertRoutes() {
        try {
            index.reassertRoutes();
        } catch (RuntimeException redisDown) {
            LOG.log(Level.FINE, "Routes not reasserted; retrying at the next tick", redisDown);
        }
    }

    @PreDestroy
    void unsubscribe() {
        bus.unsubscribe(config.nodeId());
    }
}
