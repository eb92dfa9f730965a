package org.chatserver.ejb.fanout;

import java.util.function.Consumer;

/**
 * Point-to-point delivery of {@link NodeEvent}s to a gateway node. Events published to one node by one publisher
 * thread arrive in the order published. Best effort: a node that is down misses them (its clients reconnect and sync).
 */
public interface NodeMessageBus {

    void publish(String node, NodeEvent event);

    /** Hands every event addressed to {@code node} to {@code receiver}, until {@link #unsubscribe}. */
    void subscribe(String node, Consumer<NodeEvent> receiver);

    void unsubscribe(String node);
}
