package org.chatserver.ejb.outbox;

import java.util.concurrent.CompletionStage;

import org.chatserver.ejb.message.ChatMessage;

/**
 * Publishes committed messages to the fan-out stream, keyed by channel so that one channel's messages stay in one
 * ordered partition. Implementations never block the caller on the broker.
 */
public interface MessagePublisher {

    /** Completes when the broker confirmed the message durably, exceptionally when it could not. */
    CompletionStage<Void> publish(ChatMessage message);
}
