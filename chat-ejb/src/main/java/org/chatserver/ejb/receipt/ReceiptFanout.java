package org.chatserver.ejb.receipt;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.chatserver.ejb.fanout.ChannelSignal;
import org.chatserver.ejb.fanout.NodeMessageBus;
import org.chatserver.ejb.fanout.NodeRoutingTable;

/**
 * Remote delivery of committed cursor moves: one {@link ChannelSignal} per node with connections in the channel; the
 * nodes write the {@code receipt} frame to the connections of the other members. Runs off the committing thread.
 * Thread-safe.
 */
@ApplicationScoped
public class ReceiptFanout {

    @Inject
    NodeRoutingTable routing;

    @Inject
    NodeMessageBus bus;

    @Resource
    ManagedExecutorService executor;

    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) CursorMoved move) {
        executor.execute(() -> {
            ChannelSignal signal = new ChannelSignal(move.channel(), move.user(), false, move.toFrame());
            routing.nodesFor(move.channel()).forEach(node -> bus.publish(node, signal));
        });
    }
}
