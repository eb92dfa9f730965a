package org.chatserver.ejb.redis;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
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
 *
 * <p>Local delivery: an event for a node subscribed in this JVM (this node) is handed to its receiver directly, on the
 * publishing thread, and never goes through Redis. Every event this node publishes to itself takes that path, so one
 * publisher's order holds, and it saves a Redis round trip, an encoding and a decoding per event. Remote delivery (to
 * another node) is the topic. Thread-safe.
 */
@ApplicationScoped
public class RedisNodeMessageBus implements NodeMessageBus {

    private static final Logger LOG = Logger.getLogger(RedisNodeMessageBus.class.getName());
    private static final String NODE_TOPIC = RedisConnection.KEY_PREFIX + "node:";

    /** The topic listener of each node subscribed in this JVM. */
    private final Map<String, Integer> listeners = new ConcurrentHashMap<>();

    /** The receiver of each node subscribed in this JVM, for local delivery. */
    private final Map<String, Consumer<NodeEvent>> localReceivers = new ConcurrentHashMap<>();

    @Inject
    RedisConnection redis;

    @Override
    public void publish(String node, NodeEvent event) {
        Consumer<NodeEvent> local = localReceivers.get(node);
        if (local != null) {
            local.accept(event);
        } else {
            topic(node).publish(event.encode());
        }
    }

    @Override
    public void subscribe(String node, Consumer<NodeEvent> receiver) {
        localReceivers.put(node, event -> receive(receiver, () -> event));
        int id = topic(node).addListener(String.class,
                (channel, wire) -> receive(receiver, () -> NodeEvent.decode(wire)));
        listeners.put(node, id);
    }

    /** A failing event is logged and skipped: it must not stop the topic's listener or the local publisher. */
    private static void receive(Consumer<NodeEvent> receiver, Supplier<NodeEvent> event) {
        try {
            receiver.accept(event.get());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A node event failed", e);
        }
    }

    @Override
    public void unsubscribe(String node) {
        localReceivers.remove(node);
        Integer id = listeners.remove(node);
        if (id != null) {
            topic(node).removeListener(id);
        }
    }

    private RTopic topic(String node) {
        return redis.client().getTopic(NODE_TOPIC + node);
    }
}
