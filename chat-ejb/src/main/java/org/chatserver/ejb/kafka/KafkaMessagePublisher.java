package org.chatserver.ejb.kafka;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import javax.naming.InitialContext;
import javax.naming.NamingException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.chatserver.ejb.config.ChatConfig;
import org.chatserver.ejb.message.ChatMessage;
import org.chatserver.ejb.outbox.MessagePublisher;
import org.chatserver.kafka.api.KafkaConnection;
import org.chatserver.kafka.api.KafkaConnectionFactory;

/**
 * Publishes messages to {@link ChatMessage#TOPIC}, keyed by channel id (one channel, one partition: order per
 * channel). The producer behind the connection factory is idempotent, so retries inside it never duplicate or reorder.
 * Thread-safe: connection handles are taken per publish and the producer is shared.
 */
@ApplicationScoped
public class KafkaMessagePublisher implements MessagePublisher {

    @Inject
    ChatConfig config;

    private volatile KafkaConnectionFactory factory;

    @Override
    public CompletionStage<Void> publish(ChatMessage message) {
        try (KafkaConnection connection = factory().getConnection()) {
            return connection.send(ChatMessage.TOPIC, message.channel(), message.toRecord())
                    .thenApply(published -> null);
        } catch (Exception unavailable) {
            return CompletableFuture.failedFuture(unavailable);
        }
    }

    /** Looked up on first use, not at start-up: the resource adapter may be deployed after this application. */
    private KafkaConnectionFactory factory() throws NamingException {
        KafkaConnectionFactory current = factory;
        if (current == null) {
            current = (KafkaConnectionFactory) new InitialContext().lookup(config.kafkaProducerJndi());
            factory = current;
        }
        return current;
    }
}
