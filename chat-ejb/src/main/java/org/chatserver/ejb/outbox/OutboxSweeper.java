package org.chatserver.ejb.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.chatserver.ejb.config.ChatConfig;
import org.chatserver.ejb.message.ChatMessage;
import org.chatserver.persistence.shard.ShardId;

/**
 * Republishes what the fast path did not get to Kafka: every {@code chat.outbox.sweep-interval-ms}, on every shard,
 * the entries older than {@code chat.outbox.grace-ms}, oldest first, so a channel's messages go out in {@code seq}
 * order. Entries are forgotten only once Kafka confirmed them.
 *
 * <p>Every node sweeps every shard; a message published twice is harmless (the fan-out drops a {@code seq} it has
 * already delivered). Sweeps never overlap on one node: a slow one (Kafka down) makes the next ticks skip.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrationStartup")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class OutboxSweeper {

    private static final Logger LOG = Logger.getLogger(OutboxSweeper.class.getName());

    @Inject
    ChatConfig config;

    @EJB
    OutboxStore store;

    @Inject
    MessagePublisher publisher;

    @Resource
    TimerService timers;

    private final AtomicBoolean sweeping = new AtomicBoolean();

    @PostConstruct
    void schedule() {
        long interval = config.outboxSweepIntervalMs();
        timers.createIntervalTimer(interval, interval, new TimerConfig(null, false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void sweep() {
        if (!sweeping.compareAndSet(false, true)) {
            return;
        }
        try {
            for (int i = 0; i < config.shardCount(); i++) {
                sweep(ShardId.shard(i));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Outbox sweep failed; retrying at the next tick", e);
        } finally {
            sweeping.set(false);
        }
    }

    private void sweep(ShardId shard) {
        List<ChatMessage> pending = store.pending(shard, System.currentTimeMillis() - config.outboxGraceMs(),
                config.outboxBatchSize());
        if (pending.isEmpty()) {
            return;
        }
        List<CompletableFuture<ChatMessage>> sends = new ArrayList<>();
        for (ChatMessage message : pending) {
            sends.add(publisher.publish(message).toCompletableFuture().thenApply(done -> message));
        }
        List<ChatMessage> published = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(config.outboxPublishTimeoutMs());
        for (CompletableFuture<ChatMessage> send : sends) {
            try {
                published.add(send.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            } catch (Exception notConfirmed) {
                break;
            }
        }
        if (!published.isEmpty()) {
            store.markPublished(shard, published);
        }
        LOG.info(() -> "Outbox of " + shard + ": republished " + published.size() + " of " + pending.size());
    }
}
