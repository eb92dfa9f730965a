package org.chatserver.ejb.fanout;

import java.util.List;
import java.util.Set;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.chatserver.ejb.config.ChatConfig;
import org.chatserver.ejb.message.ChatMessage;
import org.chatserver.ejb.message.MessageService;

/**
 * Delivers committed messages to the gateway nodes holding online members of their channel: one publish per node,
 * whatever the number of members there. Called by the fan-out consumer, one record at a time per partition.
 * Thread-safe.
 */
@ApplicationScoped
public class FanoutService {

    @Inject
    ChatConfig config;

    @Inject
    NodeRoutingTable routing;

    @Inject
    NodeMessageBus bus;

    @EJB
    MessageService messages;

    @Inject
    FanoutPositions positions;

    private FanoutSequencer sequencer;

    @PostConstruct
    void init() {
        sequencer = new FanoutSequencer(config.fanoutSequenceCacheChannels(), config.fanoutMaxFill());
    }

    /** Fans out {@code message}, after any of its channel's earlier messages this node has not yet fanned out. */
    public void dispatch(ChatMessage message) {
        FanoutSequencer.Admission admission = sequencer.admit(message.channel(), message.seq(), positions::load);
        if (admission instanceof FanoutSequencer.Drop) {
            return;
        }
        if (admission instanceof FanoutSequencer.FillGap gap) {
            List<ChatMessage> missed = messages.range(message.workspace(), message.channel(), gap.afterSeq(),
                    message.seq() - 1);
            missed.forEach(this::publishToNodes);
        }
        publishToNodes(message);
        positions.save(message.channel(), message.seq());
    }

    private void publishToNodes(ChatMessage message) {
        Set<String> nodes = routing.nodesFor(message.channel());
        if (nodes.isEmpty()) {
            return;
        }
        NodeDelivery delivery = new NodeDelivery(message.channel(), message.seq(), message.toFrame());
        for (String node : nodes) {
            bus.publish(node, delivery);
        }
    }
}
