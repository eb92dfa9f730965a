/**
 * The outbound side: a connector connection definition whose connections publish through one shared producer.
 *
 * <p>Each {@link org.chatserver.kafka.outbound.KafkaManagedConnectionFactory} (one per connection pool) owns one
 * thread-safe {@code KafkaProducer} configured for ordered, duplicate-free publishing ({@code enable.idempotence},
 * {@code acks=all}, at most five requests in flight per connection). Managed connections and handles only point at
 * it, so pooling them costs nothing and a pool of any size publishes through one set of broker connections, which
 * is also what lets the producer batch records from concurrent callers. The producer is closed when the resource
 * adapter stops.
 *
 * <p>Transaction support is {@code NoTransaction}: a send is not part of the caller's JTA transaction. Callers that
 * need "publish only after commit" (the outbox relay) send after their transaction committed.
 */
package org.chatserver.kafka.outbound;
