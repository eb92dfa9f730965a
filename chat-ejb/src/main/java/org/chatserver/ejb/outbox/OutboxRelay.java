package org.chatserver.ejb.outbox;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.chatserver.ejb.message.ChatMessage;
import org.chatserver.ejb.shard.WorkspaceDirectory;

/**
 * Publishes each message right after its transaction committed: the fast path. A message whose publication fails
 * stays in the outbox, and {@link OutboxSweeper} republishes it. Never blocks the committing thread: the ack must not
 * wait for Kafka. Thread-safe.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class.getName());

    @Inject
    MessagePublisher publisher;

    @Inject
    OutboxStore store;

    @Inject
    WorkspaceDirectory directory;

    @Resource
    ManagedExecutorService executor;

    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) ChatMessage message) {
        executor.execute(() -> publisher.publish(message).whenCompleteAsync((published, failure) -> {
            if (failure == null) {
                store.markPublished(directory.shardOf(message.workspace()), List.of(message));
            } else {
                LOG.log(Level.FINE, failure, () -> message + " left in the outbox for the sweep");
            }
        }, executor));
    }
}
