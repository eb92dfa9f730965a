package org.chatserver.kafka.api;

/**
 * Names of the JMS message properties that every message delivered by the adapter carries. The message is a
 * {@code jakarta.jms.TextMessage} whose text is the record value decoded as UTF-8 ({@code null} for a tombstone).
 */
public final class KafkaRecordProperties {

    /** The record's topic, a {@code String}. */
    public static final String TOPIC = "kafka_topic";

    /** The record's partition, an {@code int}. */
    public static final String PARTITION = "kafka_partition";

    /** The record's offset within its partition, a {@code long}. */
    public static final String OFFSET = "kafka_offset";

    /** The record key decoded as UTF-8, a {@code String}; absent when the record has no key. */
    public static final String KEY = "kafka_key";

    /** The record timestamp in epoch milliseconds, a {@code long}. */
    public static final String TIMESTAMP = "kafka_timestamp";

    private KafkaRecordProperties() {
    }
}
