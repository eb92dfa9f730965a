package org.chatserver.ejb.config;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every setting of the chat server, typed and named. Defaults are in {@code META-INF/microprofile-config.properties}
 * of this jar and listed in README.md; system properties and environment variables override them.
 *
 * <p>Read once at start-up; immutable afterwards, so thread-safe.
 */
@ApplicationScoped
public class ChatConfig {

    @Inject
    @ConfigProperty(name = "chat.node.id")
    Optional<String> configuredNodeId;

    @Inject
    @ConfigProperty(name = "chat.shards.count")
    int shardCount;

    @Inject
    @ConfigProperty(name = "chat.redis.address")
    String redisAddress;

    @Inject
    @ConfigProperty(name = "chat.kafka.producer-jndi")
    String kafkaProducerJndi;

    @Inject
    @ConfigProperty(name = "chat.message.max-body-chars")
    int maxBodyChars;

    @Inject
    @ConfigProperty(name = "chat.workspaces.auto-provision")
    boolean autoProvisionWorkspaces;

    @Inject
    @ConfigProperty(name = "chat.ws.ticket-ttl-seconds")
    long ticketTtlSeconds;

    @Inject
    @ConfigProperty(name = "chat.ws.heartbeat-ms")
    long heartbeatMs;

    @Inject
    @ConfigProperty(name = "chat.ws.outbound-queue-frames")
    int outboundQueueFrames;

    @Inject
    @ConfigProperty(name = "chat.ws.abuse-close-after-rejections")
    int abuseCloseAfterRejections;

    @Inject
    @ConfigProperty(name = "chat.outbox.sweep-interval-ms")
    long outboxSweepIntervalMs;

    @Inject
    @ConfigProperty(name = "chat.outbox.grace-ms")
    long outboxGraceMs;

    @Inject
    @ConfigProperty(name = "chat.outbox.batch-size")
    int outboxBatchSize;

    @Inject
    @ConfigProperty(name = "chat.outbox.publish-timeout-ms")
    long outboxPublishTimeoutMs;

    @Inject
    @ConfigProperty(name = "chat.fanout.sequence-cache-channels")
    int fanoutSequenceCacheChannels;

    @Inject
    @ConfigProperty(name = "chat.routing.reassert-interval-ms")
    long routeReassertIntervalMs;

    @Inject
    @ConfigProperty(name = "chat.fanout.max-fill")
    long fanoutMaxFill;

    private String nodeId;

    @PostConstruct
    void init() {
        nodeId = configuredNodeId.filter(id -> !id.isBlank()).orElseGet(() -> UUID.randomUUID().toString());
    }

    /** This node's id in the cluster's routing table ({@code chat.node.id}, random per start when unset). */
    public String nodeId() {
        return nodeId;
    }

    /** How many shard databases there are ({@code chat.shards.count}); shards are numbered from 0. */
    public int shardCount() {
        return shardCount;
    }

    /** Redis, as a Redisson address ({@code chat.redis.address}, e.g. {@code redis://127.0.0.1:6379}). */
    public String redisAddress() {
        return redisAddress;
    }

    /** Where the resource adapter's producer connection factory is bound ({@code chat.kafka.producer-jndi}). */
    public String kafkaProducerJndi() {
        return kafkaProducerJndi;
    }

    /** The longest message body, in Unicode code points ({@code chat.message.max-body-chars}). */
    public int maxBodyChars() {
        return maxBodyChars;
    }

    /** Whether a token naming an unknown workspace creates it ({@code chat.workspaces.auto-provision}). */
    public boolean autoProvisionWorkspaces() {
        return autoProvisionWorkspaces;
    }

    /** How long a WebSocket connect ticket stays valid ({@code chat.ws.ticket-ttl-seconds}). */
    public Duration ticketTtl() {
        return Duration.ofSeconds(ticketTtlSeconds);
    }

    /** The heartbeat interval announced in {@code hello} ({@code chat.ws.heartbeat-ms}). */
    public long heartbeatMs() {
        return heartbeatMs;
    }

    /** The bound of each connection's outbound queue, in frames ({@code chat.ws.outbound-queue-frames}). */
    public int outboundQueueFrames() {
        return outboundQueueFrames;
    }

    /**
     * How many sends a connection may have refused as {@code rate_limited} within 10 seconds before it is closed
     * with 4029 ({@code chat.ws.abuse-close-after-rejections}).
     */
    public int abuseCloseAfterRejections() {
        return abuseCloseAfterRejections;
    }

    /** How often the outbox relay sweeps for unconfirmed entries ({@code chat.outbox.sweep-interval-ms}). */
    public long outboxSweepIntervalMs() {
        return outboxSweepIntervalMs;
    }

    /** How old an outbox entry must be before the relay's sweep republishes it ({@code chat.outbox.grace-ms}). */
    public long outboxGraceMs() {
        return outboxGraceMs;
    }

    /** How many outbox entries one sweep of one shard republishes at most ({@code chat.outbox.batch-size}). */
    public int outboxBatchSize() {
        return outboxBatchSize;
    }

    /** How long the sweep waits for Kafka to confirm a batch ({@code chat.outbox.publish-timeout-ms}). */
    public long outboxPublishTimeoutMs() {
        return outboxPublishTimeoutMs;
    }

    /** How often each node writes its routes to Redis again ({@code chat.routing.reassert-interval-ms}). */
    public long routeReassertIntervalMs() {
        return routeReassertIntervalMs;
    }

    /**
     * The most messages the fan-out sends again to fill a gap of a channel it starts on without a stored position
     * ({@code chat.fanout.max-fill}).
     */
    public long fanoutMaxFill() {
        return fanoutMaxFill;
    }

    /** How many channels' fan-out positions each node remembers ({@code chat.fanout.sequence-cache-channels}). */
    public int fanoutSequenceCacheChannels() {
        return fanoutSequenceCacheChannels;
    }
}
