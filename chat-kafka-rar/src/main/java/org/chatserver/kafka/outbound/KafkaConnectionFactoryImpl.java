package org.chatserver.kafka.outbound;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import org.chatserver.kafka.api.KafkaConnection;
import org.chatserver.kafka.api.KafkaConnectionFactory;

import javax.naming.Reference;

/**
 * The connection factory bound in JNDI: asks the container's connection manager (the pool) for a connection.
 *
 * <p>Thread-safe: immutable apart from the JNDI reference the container sets once at binding.
 */
public final class KafkaConnectionFactoryImpl implements KafkaConnectionFactory {

    private static final long serialVersionUID = 1L;

    private final KafkaManagedConnectionFactory managedConnectionFactory;
    private final ConnectionManager connectionManager;
    private volatile Reference reference;

    KafkaConnectionFactoryImpl(KafkaManagedConnectionFactory managedConnectionFactory,
            ConnectionManager connectionManager) {
        this.managedConnectionFactory = managedConnectionFactory;
        this.connectionManager = connectionManager;
    }

    @Override
    public KafkaConnection getConnection() throws ResourceException {
        return (KafkaConnection) connectionManager.allocateConnection(managedConnectionFactory, null);
    }

    @Override
    public void setReference(Reference reference) {
        this.reference = reference;
    }

    @Override
    public Reference getReference() {
        return reference;
    }
}
