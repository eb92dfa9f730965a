package org.chatserver.ejb.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.chatserver.ejb.config.ChatConfig;
import org.chatserver.ejb.fanout.NodeEvent;

/**
 * Local delivery in parallel lanes: the events addressed to this node arrive on one bus thread, and writing them to
 * hundreds of connections each is most of a node's work, so they are spread over {@code chat.gateway.delivery-lanes}
 * threads. Events with the same {@link NodeEvent#orderingKey()} always take the same lane, so a channel's frames keep
 * their order.
 *
 * <p>Each lane is a single thread of the container's managed thread factory with its own queue; tasks are plain
 * runnables, so no context is captured per event (a managed executor would, at a measurable cost per event). The
 * queues are unbounded: a lane behind only delays delivery, and each connection's own queue stays bounded.
 * Thread-safe.
 */
@ApplicationScoped
public class DeliveryLanes {

    private static final Logger LOG = Logger.getLogger(DeliveryLanes.class.getName());

    /** How long shutdown waits for the lanes to finish what they hold. */
    private static final long DRAIN_SECONDS = 5;

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;

    @Inject
    ChatConfig config;

    private final List<ExecutorService> lanes = new ArrayList<>();

    @PostConstruct
    void start() {
        for (int i = 0; i < config.deliveryLanes(); i++) {
            lanes.add(Executors.newSingleThreadExecutor(threads));
        }
    }

    /** Hands {@code event} to {@code apply} on the lane of its ordering key. */
    public void dispatch(NodeEvent event, Consumer<NodeEvent> apply) {
        ExecutorService lane = lanes.get(Math.floorMod(event.orderingKey().hashCode(), lanes.size()));
        lane.execute(() -> {
            try {
                apply.accept(event);
            } catch (RuntimeException failure) {
                LOG.log(Level.WARNING, "A node event failed", failure);
            }
        });
    }

    @PreDestroy
    void stop() {
        lanes.forEach(ExecutorService::shutdown);
        for (ExecutorService lane : lanes) {
            try {
                lane.awaitTermination(DRAIN_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
