package org.chatserver.kafka.inbound;

import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;

/**
 * Hands one message to the activated endpoint: creates an endpoint instance, calls {@code onMessage}, releases
 * the instance.
 *
 * <p>It never calls {@code beforeDelivery}/{@code afterDelivery}. For a bean with container-managed transactions
 * the container then starts the bean's transaction when {@code onMessage} is called and completes it when the
 * method returns (option B of transacted delivery in the Connector specification); a failure surfaces as an
 * exception thrown from {@code onMessage}, which is all the caller needs to decide between commit and retry.
 *
 * <p>Thread-safe if the factory is (the container's is): the consumers of one endpoint share it.
 */
final class RecordDispatcher {

    private final MessageEndpointFactory endpointFactory;

    RecordDispatcher(MessageEndpointFactory endpointFactory) {
        this.endpointFactory = endpointFactory;
    }

    /**
     * Delivers {@code message}; returns normally only if {@code onMessage} did.
     *
     * @throws UnavailableException if no endpoint can be created, e.g. while the bean is still being deployed
     * @throws RuntimeException whatever {@code onMessage} threw (containers wrap bean failures)
     */
    void deliver(Message message) throws UnavailableException {
        MessageEndpoint endpoint = endpointFactory.createEndpoint(null);
        try {
            ((MessageListener) endpoint).onMessage(message);
        } finally {
            endpoint.release();
        }
    }
}
