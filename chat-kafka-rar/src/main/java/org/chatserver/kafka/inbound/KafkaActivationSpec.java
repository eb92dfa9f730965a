package org.chatserver.kafka.inbound;

import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ResourceAdapter;
import org.apache.kafka.clients.consumer.ConsumerConfig;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Activation configuration of one message-driven bean: which topics it consumes, in which consumer group, and how
 * failed deliveries are retried. Set from the bean's {@code @ActivationConfigProperty} entries.
 *
 * <p>Required: {@code bootstrapServers}, {@code topics} (comma-separated), {@code groupId}. Optional:
 * {@code consumers} ({@value #DEFAULT_CONSUMERS}), {@code clientId}, {@code autoOffsetReset}
 * ({@value #DEFAULT_AUTO_OFFSET_RESET}), {@code maxPollRecords} ({@value #DEFAULT_MAX_POLL_RECORDS}),
 * {@code retryBackoffMs} ({@value #DEFAULT_RETRY_BACKOFF_MS}), {@code retryBackoffMaxMs}
 * ({@value #DEFAULT_RETRY_BACKOFF_MAX_MS}), {@code pollTimeoutMs} ({@value #DEFAULT_POLL_TIMEOUT_MS}),
 * {@code sessionTimeoutMs} ({@value #DEFAULT_SESSION_TIMEOUT_MS}), {@code commitIntervalMs}
 * ({@value #DEFAULT_COMMIT_INTERVAL_MS}).
 *
 * <p>Not thread-safe: a JavaBean the container configures before activation and that is only read afterwards.
 */
public class KafkaActivationSpec implements ActivationSpec {

    /** One consumer per endpoint unless asked for more: the simplest order, one record at a time. */
    public static final int DEFAULT_CONSUMERS = 1;

    /** A new group reads a topic from its start, so nothing published before the first deployment is missed. */
    public static final String DEFAULT_AUTO_OFFSET_RESET = "earliest";

    /** Kafka's default: large enough for throughput, small enough to deliver well within max.poll.interval.ms. */
    public static final int DEFAULT_MAX_POLL_RECORDS = 500;

    /** First retry of a failed record: quick enough for a transient failure, slow enough not to spin. */
    public static final int DEFAULT_RETRY_BACKOFF_MS = 200;

    /** Longest wait between retries of a failing record: a stuck partition is retried at least twice a minute. */
    public static final int DEFAULT_RETRY_BACKOFF_MAX_MS = 30_000;

    /** How long one poll waits for records; also how quickly the loop notices a due retry or a stop request. */
    public static final int DEFAULT_POLL_TIMEOUT_MS = 500;

    /**
     * How long the group waits for a consumer that stopped heartbeating (its node died) before giving its
     * partitions to the others: a third of Kafka's default, so a dead node's channels are fanned out again within
     * seconds. Heartbeats go three times per timeout.
     */
    public static final int DEFAULT_SESSION_TIMEOUT_MS = 15_000;

    /**
     * How often, at most, processed offsets are committed while consuming (0: after every poll). A commit is a
     * blocking round trip to the group coordinator, which under load came once per poll of a few records; at most
     * this interval of processed records is delivered again after a crash (partitions revoked or a consumer
     * stopping still commit at once).
     */
    public static final int DEFAULT_COMMIT_INTERVAL_MS = 1_000;

    private static final int HEARTBEATS_PER_SESSION_TIMEOUT = 3;

    private static final Set<String> AUTO_OFFSET_RESET_VALUES = Set.of("earliest", "latest", "none");

    private String bootstrapServers;
    private String topics;
    private String groupId;
    private String clientId;
    private Integer consumers = DEFAULT_CONSUMERS;
    private String autoOffsetReset = DEFAULT_AUTO_OFFSET_RESET;
    private Integer maxPollRecords = DEFAULT_MAX_POLL_RECORDS;
    private Integer retryBackoffMs = DEFAULT_RETRY_BACKOFF_MS;
    private Integer retryBackoffMaxMs = DEFAULT_RETRY_BACKOFF_MAX_MS;
    private Integer pollTimeoutMs = DEFAULT_POLL_TIMEOUT_MS;
    private Integer sessionTimeoutMs = DEFAULT_SESSION_TIMEOUT_MS;
    private Integer commitIntervalMs = DEFAULT_COMMIT_INTERVAL_MS;
    private ResourceAdapter resourceAdapter;

    public String getBootstrapServers() {
        return bootstrapServers;
    }

    /** @param bootstrapServers comma-separated {@code host:port} list of brokers to bootstrap from */
    public void setBootstrapServers(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    public String getTopics() {
        return topics;
    }

    /** @param topics comma-separated topic names */
    public void setTopics(String topics) {
        this.topics = topics;
    }

    public String getGroupId() {
        return groupId;
    }

    /** @param groupId the consumer group; the group's members share the topics' partitions */
    public void setGroupId(String groupId) {
        this.groupId = groupId;
    }

    public String getClientId() {
        return clientId;
    }

    /** @param clientId the consumer's client id in broker logs and quotas; Kafka generates one when blank */
    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public Integer getConsumers() {
        return consumers;
    }

    /**
     * @param consumers how many consumers (each with its own thread) the endpoint gets in its group; the topics'
     *                  partitions are split among them, so records of different partitions are delivered in parallel
     *                  while each partition keeps its order. More consumers than partitions leaves some idle.
     */
    public void setConsumers(Integer consumers) {
        this.consumers = consumers;
    }

    public String getAutoOffsetReset() {
        return autoOffsetReset;
    }

    /** @param autoOffsetReset where a partition without committed offset starts: earliest, latest or none */
    public void setAutoOffsetReset(String autoOffsetReset) {
        this.autoOffsetReset = autoOffsetReset;
    }

    public Integer getMaxPollRecords() {
        return maxPollRecords;
    }

    /** @param maxPollRecords the most records one poll returns */
    public void setMaxPollRecords(Integer maxPollRecords) {
        this.maxPollRecords = maxPollRecords;
    }

    public Integer getRetryBackoffMs() {
        return retryBackoffMs;
    }

    /** @param retryBackoffMs the wait before the first retry of a failed record; doubles on each further failure */
    public void setRetryBackoffMs(Integer retryBackoffMs) {
        this.retryBackoffMs = retryBackoffMs;
    }

    public Integer getRetryBackoffMaxMs() {
        return retryBackoffMaxMs;
    }

    /** @param retryBackoffMaxMs the longest wait between retries of a failed record */
    public void setRetryBackoffMaxMs(Integer retryBackoffMaxMs) {
        this.retryBackoffMaxMs = retryBackoffMaxMs;
    }

    public Integer getPollTimeoutMs() {
        return pollTimeoutMs;
    }

    /** @param pollTimeoutMs how long one poll waits for records */
    public void setPollTimeoutMs(Integer pollTimeoutMs) {
        this.pollTimeoutMs = pollTimeoutMs;
    }

    public Integer getSessionTimeoutMs() {
        return sessionTimeoutMs;
    }

    /** @param sessionTimeoutMs how long the group waits for a silent consumer before reassigning its partitions */
    public void setSessionTimeoutMs(Integer sessionTimeoutMs) {
        this.sessionTimeoutMs = sessionTimeoutMs;
    }

    public Integer getCommitIntervalMs() {
        return commitIntervalMs;
    }

    /** @param commitIntervalMs how often, at most, processed offsets are committed while consuming; 0 every poll */
    public void setCommitIntervalMs(Integer commitIntervalMs) {
        this.commitIntervalMs = commitIntervalMs;
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return resourceAdapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter resourceAdapter) {
        this.resourceAdapter = resourceAdapter;
    }

    /**
     * Rejects a configuration that could never consume, before the endpoint is activated.
     *
     * @throws InvalidPropertyException naming every missing or invalid property
     */
    @Override
    public void validate() throws InvalidPropertyException {
        List<String> problems = new ArrayList<>();
        requireText("bootstrapServers", bootstrapServers, problems);
        requireText("groupId", groupId, problems);
        if (topicList().isEmpty()) {
            problems.add("topics must name at least one topic");
        }
        if (!AUTO_OFFSET_RESET_VALUES.contains(autoOffsetReset)) {
            problems.add("autoOffsetReset must be one of " + AUTO_OFFSET_RESET_VALUES + ", got " + autoOffsetReset);
        }
        requirePositive("consumers", consumers, problems);
        requirePositive("maxPollRecords", maxPollRecords, problems);
        requirePositive("retryBackoffMs", retryBackoffMs, problems);
        requirePositive("retryBackoffMaxMs", retryBackoffMaxMs, problems);
        requirePositive("pollTimeoutMs", pollTimeoutMs, problems);
        requirePositive("sessionTimeoutMs", sessionTimeoutMs, problems);
        if (commitIntervalMs == null || commitIntervalMs < 0) {
            problems.add("commitIntervalMs must be 0 or more, got " + commitIntervalMs);
        }
        if (problems.isEmpty() && retryBackoffMaxMs < retryBackoffMs) {
            problems.add("retryBackoffMaxMs must be at least retryBackoffMs");
        }
        if (!problems.isEmpty()) {
            throw new InvalidPropertyException("Invalid Kafka activation: " + String.join("; ", problems));
        }
    }

    /** @return the topic names, trimmed, without empty entries */
    List<String> topicList() {
        if (topics == null) {
            return List.of();
        }
        return Arrays.stream(topics.split(",")).map(String::trim).filter(name -> !name.isEmpty()).toList();
    }

    /**
     * @param member which of the endpoint's {@link #getConsumers() consumers} (from 0): with a client id and several
     *               consumers, each gets the id suffixed with {@code -<member>}, so that broker logs tell them apart
     * @return the consumer configuration, without deserializers; offsets are committed only by the adapter
     */
    Map<String, Object> consumerConfig(int member) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        if (clientId != null && !clientId.isBlank()) {
            config.put(ConsumerConfig.CLIENT_ID_CONFIG, consumers > 1 ? clientId + "-" + member : clientId);
        }
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, autoOffsetReset);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        // A fetch the broker holds open delays the refetch of a partition rewound for a retry: keep the hold no
        // longer than the first backoff, so retries come when the backoff says (Kafka's default is 500 ms).
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, retryBackoffMs);
        config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, sessionTimeoutMs);
        config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, sessionTimeoutMs / HEARTBEATS_PER_SESSION_TIMEOUT);
        return config;
    }

    RetryBackoff retryBackoff() {
        return new RetryBackoff(Duration.ofMillis(retryBackoffMs), Duration.ofMillis(retryBackoffMaxMs));
    }

    Duration pollTimeout() {
        return Duration.ofMillis(pollTimeoutMs);
    }

    Duration commitInterval() {
        return Duration.ofMillis(commitIntervalMs);
    }

    /** Identifies the activation in log messages. */
    @Override
    public String toString() {
        return "KafkaActivationSpec[groupId=" + groupId + ", topics=" + topics + ", consumers=" + consumers + "]";
    }

    private static void requireText(String name, String value, List<String> problems) {
        if (value == null || value.isBlank()) {
            problems.add(name + " is required");
        }
    }

    private static void requirePositive(String name, Integer value, List<String> problems) {
        if (value == null || value <= 0) {
            problems.add(name + " must be positive, got " + value);
        }
    }
}
