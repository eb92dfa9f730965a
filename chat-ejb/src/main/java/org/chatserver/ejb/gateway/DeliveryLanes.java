package org.chatserver.ejb.gateway;

import java.time.Duration;
import java.util.function.Consumer;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.chatserver.ejb.config.ChatConfig;
import org.chatserver.ejb.fanout.NodeEvent;
import org.chatserver.ejb.ordering.OrderedLanes;

/**
 * Local delivery in parallel lanes: the events addressed to this node arrive on one bus thread, and writing them to
 * hundreds of connections each is most of a node's work, so they are spread over {@code chat.gateway.delivery-lanes}
 * {@link OrderedLanes}. Events with the same {@link NodeEvent#orderingKey()} always take the same lane, so a channel's
 * frames keep their order. A lane behind only delays delivery; each connection's own queue stays bounded.
 * Thread-safe.
 */
@ApplicationScoped
public class DeliveryLanes {

    /** How long shutdown waits for the lanes to finish what they hold. */
    private static final Duration DRAIN = Duration.ofSeconds(5);

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;

    @Inject
    ChatConfig config;

    private OrderedLanes lanes;

    @PostConstruct
    void start() {
        lanes = new OrderedLanes("local delivery", config.deliveryLanes(), threads);
    }

    /** Hands {@code event} to {@code apply} on the lane of its ordering key. */
    public void dispatch(NodeEvent event, Consumer<NodeEvent> apply) {
        lanes.execute(event.orderingKey(), () -> apply.accept(event));
    }

    @PreDestroy
    void stop() {
        lanes.shutdown(DRAIN);
    }
}
