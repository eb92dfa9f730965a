package org.chatserver.it.kafka;

/**
 * A Kafka record as the tests compare them: where it is and what it holds. A published record and a delivered one
 * are equal when the adapter delivered exactly what was published, with the right properties.
 *
 * @param topic the topic
 * @param partition the partition within the topic
 * @param offset the offset within the partition
 * @param key the record key
 * @param value the record value
 */
record TopicRecord(String topic, int partition, long offset, String key, String value) {
}
