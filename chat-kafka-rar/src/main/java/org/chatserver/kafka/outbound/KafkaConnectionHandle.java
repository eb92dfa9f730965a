package org.chatserver.kafka.outbound;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.chatserver.kafka.api.KafkaConnection;
import org.chatserver.kafka.api.PublishedRecord;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The connection handle applications get: publishes through its managed connection's shared producer.
 *
 * <p>Thread-safe, although meant for one thread at a time: the container may invalidate or move it concurrently.
 */
public final class KafkaConnectionHandle implements KafkaConnection {

    /** The managed connection this handle belongs to; {@code null} once closed or invalidated. */
    private final AtomicReference<KafkaManagedConnection> managedConnection;

    KafkaConnectionHandle(KafkaManagedConnection managedConnection) {
        this.managedConnection = new AtomicReference<>(managedConnection);
    }

    @Override
    public CompletableFuture<PublishedRecord> send(String topic, String key, String value) {
        KafkaManagedConnection connection = openConnection();
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        CompletableFuture<PublishedRecord> published = new CompletableFuture<>();
        try {
            connection.producer().send(record, (metadata, failure) -> {
                if (failure == null) {
                    published.complete(new PublishedRecord(metadata.topic(), metadata.partition(),
                            metadata.offset()));
                } else {
                    published.completeExceptionally(failure);
                }
            });
        } catch (KafkaException | IllegalStateException e) {
            // Thrown synchronously when the producer is closed, the metadata cannot be fetched within max.block.ms,
            // or the record is invalid; callers see every failure the same way, through the future.
            published.completeExceptionally(e);
        }
        return published;
    }

    @Override
    public void flush() {
        openConnection().producer().flush();
    }

    @Override
    public void close() {
        KafkaManagedConnection connection = managedConnection.getAndSet(null);
        if (connection != null) {
            connection.handleClosed(this);
        }
    }

    void invalidate() {
        managedConnection.set(null);
    }

    void associateWith(KafkaManagedConnection target) {
        KafkaManagedConnection previous = managedConnection.getAndSet(target);
        if (previous != null && previous != target) {
            previous.handleMoved(this);
        }
    }

    private KafkaManagedConnection openConnection() {
        KafkaManagedConnection connection = managedConnection.get();
        if (connection == null) {
            throw new IllegalStateException("The Kafka connection is closed");
        }
        return connection;
    }
}
