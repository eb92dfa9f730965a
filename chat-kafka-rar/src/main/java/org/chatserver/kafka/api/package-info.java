/**
 * What applications see of the Kafka resource adapter, and the only package they compile against (the
 * {@code api} classifier jar, scope {@code provided}: the deployed adapter supplies these classes at run time).
 *
 * <p>Outbound: look up a {@link org.chatserver.kafka.api.KafkaConnectionFactory} (a connector connection pool
 * resource), get a {@link org.chatserver.kafka.api.KafkaConnection}, {@code send}, close it. Connections are cheap
 * handles onto one shared idempotent producer, so get one per unit of work rather than caching it.
 *
 * <p>Inbound: a message-driven bean implementing {@code jakarta.jms.MessageListener} activated on this adapter
 * receives each Kafka record as a {@code jakarta.jms.TextMessage} whose body is the record value and whose
 * properties are named in {@link org.chatserver.kafka.api.KafkaRecordProperties}.
 */
package org.chatserver.kafka.api;
