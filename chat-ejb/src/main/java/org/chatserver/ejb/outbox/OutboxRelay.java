package org.chatserver.ejb.outbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.chatserver.ejb.config.ChatConfig;
import org.chatserver.ejb.message.ChatMessage;
import org.chatserver.ejb.ordering.OrderedLanes;
import org.chatserver.ejb.shard.WorkspaceDirectory;
import org.chatserver.persistence.shard.ShardId;

/**
 * Publishes each message right after its transaction committed (the fast path), and forgets the ones Kafka confirmed
 * in batches: one transaction per shard for all the confirmations that arrived meanwhile, not one per message. A
 * message whose publication fails, or whose confirmation is not recorded, stays in the outbox, and
 * {@link OutboxSweeper} republishes it (a second publication is harmless: the fan-out drops a {@code seq} it has
 * delivered).
 *
 * <p>Never blocks the committing thread: the ack must not wait for Kafka. Publishing and confirming each run on one
 * lane ({@link OrderedLanes}) of the container's managed thread factory, handed plain tasks, because a managed executor
 * would capture the caller's context for every message, which profiling showed as a large part of a send's cost.
 * Thread-safe.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class.getName());

    /** How long shutdown waits for what is being published or confirmed. */
    private static final Duration DRAIN = Duration.ofSeconds(5);

    /** One lane each: publications keep their commit order, and one confirming batch runs at a time. */
    private static final int ONE_LANE = 1;

    @Inject
    MessagePublisher publisher;

    @EJB
    OutboxStore store;

    @Inject
    WorkspaceDirectory directory;

    @Inject
    ChatConfig config;

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;

    /** Confirmed by Kafka, not yet forgotten by the outbox. */
    private final Queue<ChatMessage> confirmed = new ConcurrentLinkedQueue<>();

    /** Whether a confirming task is queued or running; at most one is. */
    private final AtomicBoolean confirming = new AtomicBoolean();

    private OrderedLanes publishing;
    private OrderedLanes confirmations;

    @PostConstruct
    void start() {
        publishing = new OrderedLanes("outbox publishing", ONE_LANE, threads);
        confirmations = new OrderedLanes("outbox confirmations", ONE_LANE, threads);
    }

    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) ChatMessage message) {
        try {
            publishing.execute(message.channel(), () -> publish(message));
        } catch (RejectedExecutionException stopping) {
            LOG.fine(() -> message + " left in the outbox for the sweep: the relay is stopping");
        }
    }

    private void publish(ChatMessage message) {
        publisher.publish(message).whenComplete((published, failure) -> {
            if (failure == null) {
                confirmed.add(message);
                confirmSoon();
            } else {
                LOG.log(Level.FINE, failure, () -> message + " left in the outbox for the sweep");
            }
        });
    }

    /** Makes sure a confirming task will see what is in {@link #confirmed} now. */
    private void confirmSoon() {
        if (confirming.compareAndSet(false, true)) {
            try {
                confirmations.execute(confirmed, this::confirmBatch);
            } catch (RejectedExecutionException stopping) {
                // What was confirmed stays in the outbox; the sweep of any node publishes it again.
                confirming.set(false);
            }
        }
    }

    /** Forgets up to a batch of confirmed messages, one transaction per shard; reschedules itself if more wait. */
    private void confirmBatch() {
        try {
            Map<ShardId, List<ChatMessage>> byShard = new LinkedHashMap<>();
            ChatMessage next;
            for (int taken = 0; taken < config.outboxBatchSize() && (next = confirmed.poll()) != null; taken++) {
                byShard.computeIfAbsent(directory.shardOf(next.workspace()), shard -> new ArrayList<>()).add(next);
            }
            byShard.forEach((shard, messages) -> {
                try {
                    store.markPublished(shard, messages);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, e, () -> messages.size() + " confirmed messages of " + shard
                            + " stay in the outbox; the sweep will publish them again");
                }
            });
        } finally {
            // Even after a failure (logged by the lane): what it dropped stays in the outbox for the sweep, and the
            // next confirmations must not wait for a task that will never come.
            confirming.set(false);
        }
        if (!confirmed.isEmpty()) {
            confirmSoon();
        }
    }

    @PreDestroy
    void stop() {
        publishing.shutdown(DRAIN);
        confirmations.shutdown(DRAIN);
    }
}
