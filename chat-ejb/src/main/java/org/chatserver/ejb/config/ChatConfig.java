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

    /** A presence record lives this many presence TTLs unrenewed (see {@link #presenceRecordTtlMs()}). */
    static final long PRESENCE_RECORD_TTLS = 2;

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
    @ConfigProperty(name = "chat.message.commit-lanes")
    int commitLanes;

    @Inject
    @ConfigProperty(name = "chat.message.commit-batch-max")
    int commitBatchMax;

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
    @ConfigProperty(name = "chat.ws.sync-channels-per-read")
    int syncChannelsPerRead;

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

    @Inject
    @ConfigProperty(name = "chat.fanout.position-save-ms")
    long fanoutPositionSaveMs;

    @Inject
    @ConfigProperty(name = "chat.presence.ttl-ms")
    long presenceTtlMs;

    @Inject
    @ConfigProperty(name = "chat.presence.refresh-interval-ms")
    long presenceRefreshIntervalMs;

    @Inject
    @ConfigProperty(name = "chat.presence.coalesce-ms")
    long presenceCoalesceMs;

    @Inject
    @ConfigProperty(name = "chat.presence.large-channel-members")
    int presenceLargeChannelMembers;

    @Inject
    @ConfigProperty(name = "chat.typing.interval-ms")
    long typingIntervalMs;

    @Inject
    @ConfigProperty(name = "chat.receipts.max-channel-members")
    int receiptsMaxChannelMembers;

    @Inject
    @ConfigProperty(name = "chat.gateway.delivery-lanes")
    int deliveryLanes;

    @Inject
    @ConfigProperty(name = "chat.presence.announce-lanes")
    int presenceAnnounceLanes;

    @Inject
    @ConfigProperty(name = "chat.rate.sends-per-second")
    double sendsPerSecond;

    @Inject
    @ConfigProperty(name = "chat.rate.burst")
    int sendBurst;

    @Inject
    @ConfigProperty(name = "chat.rate.local-fallback-ms")
    long rateLocalFallbackMs;

    @Inject
    @ConfigProperty(name = "chat.routing.cache-ms")
    long routingCacheMs;

    @Inject
    @ConfigProperty(name = "chat.rate.lease-tokens")
    int rateLeaseTokens;

    @Inject
    @ConfigProperty(name = "chat.rate.lease-ms")
    long rateLeaseMs;

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

    /**
     * Group-commit lanes per shard ({@code chat.message.commit-lanes}): a channel's sends always take the same lane,
     * and one batch per lane commits at a time. Fewer lanes make larger batches, more lanes more parallel commits.
     */
    public int commitLanes() {
        return commitLanes;
    }

    /** The most sends one group commit stores in one transaction ({@code chat.message.commit-batch-max}). */
    public int commitBatchMax() {
        return commitBatchMax;
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

    /**
     * How many channels of one {@code sync} are replayed in one transaction ({@code chat.ws.sync-channels-per-read}):
     * it bounds the messages a transaction holds (200 per channel).
     */
    public int syncChannelsPerRead() {
        return syncChannelsPerRead;
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

    /**
     * How long a node keeps fan-out positions before writing them to Redis in one batch
     * ({@code chat.fanout.position-save-ms}); a node that dies loses that much, repeated to clients as frames they
     * drop.
     */
    public long fanoutPositionSaveMs() {
        return fanoutPositionSaveMs;
    }

    /** How many channels' fan-out positions each node remembers ({@code chat.fanout.sequence-cache-channels}). */
    public int fanoutSequenceCacheChannels() {
        return fanoutSequenceCacheChannels;
    }

    /**
     * How long a node's claim that a user is online lasts without renewal, and how long a silent node counts as
     * alive ({@code chat.presence.ttl-ms}): a crashed node's users are offline for everyone after it.
     */
    public long presenceTtlMs() {
        return presenceTtlMs;
    }

    /**
     * How long a user's presence record in the store outlives its last renewal: {@value #PRESENCE_RECORD_TTLS} times
     * {@link #presenceTtlMs()}. A node silent for the TTL is declared dead by a live node, which releases the dead
     * node's users and announces them offline; that release needs the record, so the record must outlive the
     * declaration by more than a refresh interval, or the users would vanish without anyone hearing it. Its own
     * expiry is only the backstop for a cluster with no live node left to release them.
     */
    public long presenceRecordTtlMs() {
        return PRESENCE_RECORD_TTLS * presenceTtlMs;
    }

    /**
     * How often each node renews its users' presence and its own liveness
     * ({@code chat.presence.refresh-interval-ms}).
     */
    public long presenceRefreshIntervalMs() {
        return presenceRefreshIntervalMs;
    }

    /**
     * A connection gets at most one {@code presence} frame per user per this window
     * ({@code chat.presence.coalesce-ms}).
     */
    public long presenceCoalesceMs() {
        return presenceCoalesceMs;
    }

    /**
     * Channels with more members than this send presence only to connections viewing them
     * ({@code chat.presence.large-channel-members}).
     */
    public int presenceLargeChannelMembers() {
        return presenceLargeChannelMembers;
    }

    /**
     * A user's {@code typing} in a channel is relayed at most once per this interval
     * ({@code chat.typing.interval-ms}).
     */
    public long typingIntervalMs() {
        return typingIntervalMs;
    }

    /**
     * Channels with more members than this send no {@code receipt} frames
     * ({@code chat.receipts.max-channel-members}).
     */
    public int receiptsMaxChannelMembers() {
        return receiptsMaxChannelMembers;
    }

    /**
     * How many threads write the events addressed to this node to its connections
     * ({@code chat.gateway.delivery-lanes}); a channel's events always share one.
     */
    public int deliveryLanes() {
        return deliveryLanes;
    }

    /**
     * How many threads announce presence transitions of this node's connections
     * ({@code chat.presence.announce-lanes}); a user's transitions always share one.
     */
    public int presenceAnnounceLanes() {
        return presenceAnnounceLanes;
    }

    /** Sends per second per user, over the cluster ({@code chat.rate.sends-per-second}). */
    public double sendsPerSecond() {
        return sendsPerSecond;
    }

    /** Burst of the send rate ({@code chat.rate.burst}). */
    public int sendBurst() {
        return sendBurst;
    }

    /**
     * After the cluster-wide count (Redis) failed, how long a node counts sends locally before it asks Redis again
     * ({@code chat.rate.local-fallback-ms}).
     */
    public long rateLocalFallbackMs() {
        return rateLocalFallbackMs;
    }

    /**
     * How long a node keeps the gateway nodes of a channel it read from the routing table, unless told of a change
     * sooner ({@code chat.routing.cache-ms}).
     */
    public long routingCacheMs() {
        return routingCacheMs;
    }

    /**
     * How many send tokens a node takes from a user's shared bucket at once, to spend without asking Redis again
     * ({@code chat.rate.lease-tokens}); never more than a tenth of the burst.
     */
    public int rateLeaseTokens() {
        return rateLeaseTokens;
    }

    /** How long leased send tokens stay valid on the node ({@code chat.rate.lease-ms}); unspent ones are forgotten. */
    public long rateLeaseMs() {
        return rateLeaseMs;
    }
}
