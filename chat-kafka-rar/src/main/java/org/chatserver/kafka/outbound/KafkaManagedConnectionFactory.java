package org.chatserver.kafka.outbound;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterAssociation;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.chatserver.kafka.client.KafkaClients;
import org.chatserver.kafka.inbound.KafkaResourceAdapter;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.logging.Logger;
import javax.security.auth.Subject;

/**
 * Managed connection factory of one connection pool; owns the pool's shared producer.
 *
 * <p>Configuration properties: {@code bootstrapServers} (required), {@code clientId} (optional),
 * {@code deliveryTimeoutMs}, {@code lingerMs} and {@code maxBlockMs}. The producer is created on the first
 * connection, so a broker that is down at deployment does not fail the deployment, and closed when the resource
 * adapter stops.
 *
 * <p>Thread-safe: the container sets properties before use; the producer is created and closed under this object's
 * lock.
 */
public class KafkaManagedConnectionFactory implements ManagedConnectionFactory, ResourceAdapterAssociation {

    /** Kafka's own default: long enough to ride out a leader election or a rolling broker restart. */
    public static final int DEFAULT_DELIVERY_TIMEOUT_MS = 120_000;

    /**
     * How long a send may block its caller while the producer has no metadata (brokers unreachable). Kafka's own
     * default (60 s) would stall the outbox relay per message during an outage; the relay republishes later anyway.
     */
    public static final int DEFAULT_MAX_BLOCK_MS = 5_000;

    /** A few milliseconds of waiting lets concurrent sends share a request, at a latency cost users cannot see. */
    public static final int DEFAULT_LINGER_MS = 5;

    /** The most Kafka allows with idempotence while still keeping per-partition order across retries. */
    private static final int MAX_IN_FLIGHT_REQUESTS = 5;

    /** Bounds shutdown when brokers are unreachable; unacknowledged sends then fail and their callers republish. */
    private static final Duration PRODUCER_CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(KafkaManagedConnectionFactory.class.getName());

    private String bootstrapServers;
    private String clientId;
    private Integer deliveryTimeoutMs = DEFAULT_DELIVERY_TIMEOUT_MS;
    private Integer lingerMs = DEFAULT_LINGER_MS;
    private Integer maxBlockMs = DEFAULT_MAX_BLOCK_MS;

    private transient ResourceAdapter resourceAdapter;
    private transient PrintWriter logWriter;
    private transient KafkaProducer<String, String> producer;
    private transient boolean closed;

    public String getBootstrapServers() {
        return bootstrapServers;
    }

    /** @param bootstrapServers comma-separated {@code host:port} list of brokers to bootstrap from */
    public void setBootstrapServers(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    public String getClientId() {
        return clientId;
    }

    /** @param clientId the producer's client id in broker logs and quotas; Kafka generates one when blank */
    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public Integer getDeliveryTimeoutMs() {
        return deliveryTimeoutMs;
    }

    /** @param deliveryTimeoutMs how long a send may take, retries included, before its future fails */
    public void setDeliveryTimeoutMs(Integer deliveryTimeoutMs) {
        this.deliveryTimeoutMs = deliveryTimeoutMs;
    }

    public Integer getLingerMs() {
        return lingerMs;
    }

    /** @param lingerMs how long the producer waits to batch records before sending */
    public void setLingerMs(Integer lingerMs) {
        this.lingerMs = lingerMs;
    }

    public Integer getMaxBlockMs() {
        return maxBlockMs;
    }

    /** @param maxBlockMs how long a send may block while no broker is reachable (max.block.ms) */
    public void setMaxBlockMs(Integer maxBlockMs) {
        this.maxBlockMs = maxBlockMs;
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return resourceAdapter;
    }

    /** Registers with the resource adapter so that its stop closes this factory's producer. */
    @Override
    public void setResourceAdapter(ResourceAdapter resourceAdapter) {
        this.resourceAdapter = resourceAdapter;
        if (resourceAdapter instanceof KafkaResourceAdapter kafkaAdapter) {
            kafkaAdapter.closeOnStop(this::close);
        }
    }

    @Override
    public Object createConnectionFactory(ConnectionManager connectionManager) {
        return new KafkaConnectionFactoryImpl(this, connectionManager);
    }

    /** Non-managed use (outside a container, e.g. tests): connections are created on demand and never pooled. */
    @Override
    public Object createConnectionFactory() {
        return new KafkaConnectionFactoryImpl(this, new DefaultConnectionManager());
    }

    @Override
    public ManagedConnection createManagedConnection(Subject subject, ConnectionRequestInfo requestInfo)
            throws ResourceException {
        return new KafkaManagedConnection(this, producer());
    }

    /** Every connection of this factory is interchangeable: there is no per-user or per-request state. */
    @Override
    @SuppressWarnings("rawtypes")
    public ManagedConnection matchManagedConnections(Set candidates, Subject subject,
            ConnectionRequestInfo requestInfo) {
        for (Object candidate : candidates) {
            if (candidate instanceof KafkaManagedConnection connection && connection.belongsTo(this)) {
                return connection;
            }
        }
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter logWriter) {
        this.logWriter = logWriter;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    /**
     * Closes the producer: records not acknowledged within {@link #PRODUCER_CLOSE_TIMEOUT} fail. Later connection
     * requests fail too, since a stopped adapter must not open broker connections again.
     */
    public synchronized void close() {
        closed = true;
        if (producer != null) {
            LOG.info(() -> "Closing Kafka producer for " + bootstrapServers);
            producer.close(PRODUCER_CLOSE_TIMEOUT);
            producer = null;
        }
    }

    private synchronized KafkaProducer<String, String> producer() throws ResourceException {
        if (closed) {
            throw new ResourceException("The Kafka resource adapter is stopped");
        }
        if (producer == null) {
            producer = createProducer();
        }
        return producer;
    }

    private KafkaProducer<String, String> createProducer() throws ResourceException {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new ResourceException("Config property bootstrapServers is not set");
        }
        try {
            KafkaProducer<String, String> created = KafkaClients.newProducer(producerConfig());
            LOG.info(() -> "Created Kafka producer for " + bootstrapServers);
            return created;
        } catch (KafkaException e) {
            throw new ResourceException("Cannot create a Kafka producer for " + bootstrapServers, e);
        }
    }

    private Map<String, Object> producerConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        if (clientId != null && !clientId.isBlank()) {
            config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        }
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, MAX_IN_FLIGHT_REQUESTS);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, deliveryTimeoutMs);
        config.put(ProducerConfig.LINGER_MS_CONFIG, lingerMs);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, maxBlockMs);
        return config;
    }

    /** Equal when configured alike, as the connector specification requires of managed connection factories. */
    @Override
    public boolean equals(Object other) {
        return other instanceof KafkaManagedConnectionFactory that
                && Objects.equals(bootstrapServers, that.bootstrapServers)
                && Objects.equals(clientId, that.clientId)
                && Objects.equals(deliveryTimeoutMs, that.deliveryTimeoutMs)
                && Objects.equals(lingerMs, that.lingerMs)
                && Objects.equals(maxBlockMs, that.maxBlockMs);
    }

    @Override
    public int hashCode() {
        return Objects.hash(bootstrapServers, clientId, deliveryTimeoutMs, lingerMs, maxBlockMs);
    }
}
