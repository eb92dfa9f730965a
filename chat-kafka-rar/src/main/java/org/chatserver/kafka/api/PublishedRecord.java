package org.chatserver.kafka.api;

/**
 * Where the broker stored a published record. Immutable.
 *
 * @param topic the topic
 * @param partition the partition within the topic
 * @param offset the record's offset within the partition
 */
public record PublishedRecord(String topic, int partition, long offset) {
}
