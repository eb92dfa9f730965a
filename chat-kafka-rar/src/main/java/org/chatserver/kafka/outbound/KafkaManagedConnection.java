package org.chatserver.kafka.outbound;

import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.LocalTransaction;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionMetaData;
import org.apache.kafka.clients.producer.KafkaProducer;

import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.security.auth.Subject;
import javax.transaction.xa.XAResource;

/**
 * A pooled connection: a view of its factory's shared producer plus the connector bookkeeping (handles, event
 * listeners). Destroying it never closes the producer, which outlives every connection of the pool.
 *
 * <p>Thread-safe: handles may be closed on any thread while the container manages the connection.
 */
final class KafkaManagedConnection implements ManagedConnection {

    private static final String PRODUCT_NAME = "Apache Kafka";

    private final KafkaManagedConnectionFactory factory;
    private final KafkaProducer<String, String> producer;
    private final Set<KafkaConnectionHandle> handles = ConcurrentHashMap.newKeySet();
    private final List<ConnectionEventListener> listeners = new CopyOnWriteArrayList<>();
    private volatile PrintWriter logWriter;

    KafkaManagedConnection(KafkaManagedConnectionFactory factory, KafkaProducer<String, String> producer) {
        this.factory = factory;
        this.producer = producer;
    }

    boolean belongsTo(KafkaManagedConnectionFactory candidate) {
        return factory == candidate;
    }

    KafkaProducer<String, String> producer() {
        return producer;
    }

    @Override
    public Object getConnection(Subject subject, ConnectionRequestInfo requestInfo) {
        KafkaConnectionHandle handle = new KafkaConnectionHandle(this);
        handles.add(handle);
        return handle;
    }

    /** Moves a handle here from another connection, as the container may do when it shares connections. */
    @Override
    public void associateConnection(Object connection) throws ResourceException {
        if (!(connection instanceof KafkaConnectionHandle handle)) {
            throw new ResourceException("Not a Kafka connection handle: " + connection);
        }
        handle.associateWith(this);
        handles.add(handle);
    }

    /** Called by a handle on close: tells the container the connection can go back to the pool. */
    void handleClosed(KafkaConnectionHandle handle) {
        handles.remove(handle);
        ConnectionEvent event = new ConnectionEvent(this, ConnectionEvent.CONNECTION_CLOSED);
        event.setConnectionHandle(handle);
        listeners.forEach(listener -> listener.connectionClosed(event));
    }

    void handleMoved(KafkaConnectionHandle handle) {
        handles.remove(handle);
    }

    /** Invalidates the handles the application did not close; a later use of them fails. */
    @Override
    public void cleanup() {
        handles.forEach(KafkaConnectionHandle::invalidate);
        handles.clear();
    }

    @Override
    public void destroy() {
        cleanup();
    }

    @Override
    public void addConnectionEventListener(ConnectionEventListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeConnectionEventListener(ConnectionEventListener listener) {
        listeners.remove(listener);
    }

    @Override
    public XAResource getXAResource() throws ResourceException {
        throw new NotSupportedException("Kafka connections do not take part in transactions");
    }

    @Override
    public LocalTransaction getLocalTransaction() throws ResourceException {
        throw new NotSupportedException("Kafka connections do not take part in transactions");
    }

    @Override
    public ManagedConnectionMetaData getMetaData() {
        return new MetaData();
    }

    @Override
    public void setLogWriter(PrintWriter logWriter) {
        this.logWriter = logWriter;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    /** Describes the EIS as far as a producer knows it; there is no connection limit or user at this level. */
    private static final class MetaData implements ManagedConnectionMetaData {

        /** The connector specification's value for "no limit known to the adapter". */
        private static final int NO_CONNECTION_LIMIT = 0;

        @Override
        public String getEISProductName() {
            return PRODUCT_NAME;
        }

        /** Unknown: the brokers' version is not exposed to a producer. */
        @Override
        public String getEISProductVersion() {
            return null;
        }

        @Override
        public int getMaxConnections() {
            return NO_CONNECTION_LIMIT;
        }

        @Override
        public String getUserName() {
            return null;
        }
    }
}
