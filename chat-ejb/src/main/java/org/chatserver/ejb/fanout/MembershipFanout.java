package org.chatserver.ejb.fanout;

import java.util.HashSet;
import java.util.Set;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.chatserver.ejb.channel.MembershipChange;

/**
 * Makes a committed membership change take effect on live connections at once, on every node: a joining user's
 * connections are subscribed to the channel before the {@code member} frame goes out (so they get it too); a leaving
 * user's connections get the frame, then are unsubscribed. Frames and subscription changes to one node are published
 * in that order by one thread, and the bus keeps it. Runs off the committing thread. Thread-safe.
 */
@ApplicationScoped
public class MembershipFanout {

    @Inject
    NodeRoutingTable routing;

    @Inject
    NodeMessageBus bus;

    @Resource
    ManagedExecutorService executor;

    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) MembershipChange change) {
        executor.execute(() -> publish(change));
    }

    private void publish(MembershipChange change) {
        Set<String> userNodes = routing.nodesOfUser(change.workspace(), change.user());
        SubscriptionChange subscription = new SubscriptionChange(change.joined(), change.workspace(), change.user(),
                change.channel());
        if (change.joined()) {
            userNodes.forEach(node -> bus.publish(node, subscription));
        }
        Set<String> frameNodes = new HashSet<>(routing.nodesFor(change.channel()));
        frameNodes.addAll(userNodes);
        ChannelFrame frame = new ChannelFrame(change.channel(), change.toFrame());
        frameNodes.forEach(node -> bus.publish(node, frame));
        if (!change.joined()) {
            userNodes.forEach(node -> bus.publish(node, subscription));
        }
    }
}
