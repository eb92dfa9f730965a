package org.chatserver.kafka.outbound;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;

/**
 * Connection manager for non-managed use (outside a container, e.g. tests): creates a managed connection per
 * request and destroys it when its handle is closed. Pooling would gain nothing: the producer is shared anyway.
 *
 * <p>Thread-safe: stateless.
 */
final class DefaultConnectionManager implements ConnectionManager {

    private static final long serialVersionUID = 1L;

    @Override
    public Object allocateConnection(ManagedConnectionFactory factory, ConnectionRequestInfo requestInfo)
            throws ResourceException {
        ManagedConnection connection = factory.createManagedConnection(null, requestInfo);
        connection.addConnectionEventListener(new DestroyOnClose(connection));
        return connection.getConnection(null, requestInfo);
    }

    /** Destroys the managed connection once its handle is closed; other events cannot occur without transactions. */
    private record DestroyOnClose(ManagedConnection connection) implements ConnectionEventListener {

        @Override
        public void connectionClosed(ConnectionEvent event) {
            try {
                connection.destroy();
            } catch (ResourceException e) {
                throw new IllegalStateException("Cannot destroy a Kafka managed connection", e);
            }
        }

        @Override
        public void localTransactionStarted(ConnectionEvent event) {
        }

        @Override
        public void localTransactionCommitted(ConnectionEvent event) {
        }

        @Override
        public void localTransactionRolledback(ConnectionEvent event) {
        }

        @Override
        public void connectionErrorOccurred(ConnectionEvent event) {
        }
    }
}
