package org.chatserver.ejb.redis;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.chatserver.ejb.fanout.NodeEvent;
import org.chatserver.ejb.fanout.NodeMessageBus;
import org.redisson.api.RTopic;

/**
 * The node bus as Redis pub/sub: one topic per node ({@code chat:node:<id>}). Redis keeps the order of one
 * connection's publishes, and Redisson delivers one topic's messages to its listener in order.
 */
@ApplicationScoped
public class RedisNodeMessageBus implements NodeMessageBus {

    private static final Logger LOG = Logger.getLogger(RedisNodeMessageBus.class.getName());
    private static final String NODE_TOPIC = RedisConnection.KEY_PREFIX + "node:";

    private final Map<String, Integer> listeners = new ConcurrentHashMap<>();

    @Inject
    RedisConnection redis;

    @Override
    public void publish(String node, NodeEvent event) {
        topic(node).publish(event.encode());
    }

    @Override
    public void subscribe(String node, Consumer<NodeEvent> receiver) {
        int id = topic(node).addListener(String.class, (channel, wire) -> {
            try {
                receiver.accept(NodeEvent.decode(wire));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A node event failed", e);
            }
        });
        listeners.put(node, id);
    }

    @Override
    public void unsubscribe(String node) {
        Integer id = listeners.remove(node);
        if (id != null) {
            topic(node).removeListener(id);
        }
    }

    private RTopic topic(String node) {
        return redis.client().getTopic(NODE_TOPIC + node);
    }
}
