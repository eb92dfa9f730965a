package org.chatserver.kafka.api;

import jakarta.resource.Referenceable;
import jakarta.resource.ResourceException;

import java.io.Serializable;

/**
 * Connection factory that applications look up (or inject with {@code @Resource}) to publish to Kafka.
 *
 * <p>Thread-safe: one instance is shared by every caller of the resource.
 */
public interface KafkaConnectionFactory extends Serializable, Referenceable {

    /**
     * Returns a connection handle; close it when done (try-with-resources).
     *
     * @return a new handle onto the pool's shared producer
     * @throws ResourceException if the producer cannot be created, e.g. an unresolvable bootstrap address
     */
    KafkaConnection getConnection() throws ResourceException;
}
