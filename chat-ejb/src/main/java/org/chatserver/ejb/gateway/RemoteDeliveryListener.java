package org.chatserver.ejb.gateway;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

import org.chatserver.ejb.config.ChatConfig;
import org.chatserver.ejb.fanout.NodeMessageBus;

/**
 * Receives the events other nodes addressed to this node (messages, channel frames, subscription changes) and applies
 * them to this node's connections, from start-up to shutdown.
 */
@Singleton
@Startup
public class RemoteDeliveryListener {

    @Inject
    ChatConfig config;

    @Inject
    NodeMessageBus bus;

    @Inject
    LocalSessionIndex index;

    @PostConstruct
    void subscribe() {
        bus.subscribe(config.nodeId(), index::apply);
    }

    @PreDestroy
    void unsubscribe() {
        bus.unsubscribe(config.nodeId());
    }
}
