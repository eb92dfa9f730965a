package org.chatserver.kafka.inbound;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import org.chatserver.kafka.api.KafkaRecordProperties;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javax.transaction.xa.XAResource;

/**
 * A message endpoint factory standing in for a container's message-driven bean: records every delivery attempt,
 * runs a configurable handler (which may throw, as a failing bean does) and can refuse endpoints for a while, as
 * Payara does while the bean is still being deployed.
 */
final class TestEndpointFactory implements MessageEndpointFactory {

    /** One call of {@code onMessage}. */
    record Attempt(int partition, long offset, String text, boolean redelivered, boolean succeeded) {
    }

    private final List<Attempt> attempts = new ArrayList<>();
    private final AtomicInteger unavailableCount = new AtomicInteger();
    private final AtomicInteger created = new AtomicInteger();
    private final AtomicInteger released = new AtomicInteger();
    private volatile Consumer<Message> handler = message -> { };

    /** @param handler runs for each delivery; throwing makes the delivery fail */
    void onMessage(Consumer<Message> handler) {
        this.handler = handler;
    }

    /** Makes the next {@code count} endpoint creations fail. */
    void refuseEndpoints(int count) {
        unavailableCount.set(count);
    }

    synchronized List<Attempt> attempts() {
        return List.copyOf(attempts);
    }

    synchronized List<Long> processedOffsets(int partition) {
        return attempts.stream()
                .filter(attempt -> attempt.partition() == partition && attempt.succeeded())
                .map(Attempt::offset)
                .toList();
    }

    synchronized int processedCount() {
        return (int) attempts.stream().filter(Attempt::succeeded).count();
    }

    int created() {
        return created.get();
    }

    int released() {
        return released.get();
    }

    @Override
    public MessageEndpoint createEndpoint(XAResource xaResource) throws UnavailableException {
        if (unavailableCount.getAndUpdate(count -> Math.max(0, count - 1)) > 0) {
            throw new UnavailableException("EndpointFactory is currently not available");
        }
        created.incrementAndGet();
        return new TestEndpoint();
    }

    @Override
    public MessageEndpoint createEndpoint(XAResource xaResource, long timeout) throws UnavailableException {
        return createEndpoint(xaResource);
    }

    @Override
    public boolean isDeliveryTransacted(Method method) {
        return false;
    }

    @Override
    public String getActivationName() {
        return "test-endpoint";
    }

    @Override
    public Class<?> getEndpointClass() {
        return TestEndpoint.class;
    }

    private synchronized void record(Message message, boolean succeeded) {
        try {
            attempts.add(new Attempt(message.getIntProperty(KafkaRecordProperties.PARTITION),
                    message.getLongProperty(KafkaRecordProperties.OFFSET), message.getBody(String.class),
                    message.getJMSRedelivered(), succeeded));
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the container's endpoint proxy is to the adapter: a message listener that is also an endpoint. */
    final class TestEndpoint implements MessageEndpoint, MessageListener {

        @Override
        public void onMessage(Message message) {
            try {
                handler.accept(message);
            } catch (RuntimeException e) {
                record(message, false);
                throw e;
            }
            record(message, true);
        }

        @Override
        public void beforeDelivery(Method method) {
            throw new UnsupportedOperationException("The adapter uses plain onMessage calls");
        }

        @Override
        public void afterDelivery() {
            throw new UnsupportedOperationException("The adapter uses plain onMessage calls");
        }

        @Override
        public void release() {
            released.incrementAndGet();
        }
    }
}
