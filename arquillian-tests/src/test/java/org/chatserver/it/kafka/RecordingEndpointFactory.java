package org.chatserver.it.kafka;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import javax.transaction.xa.XAResource;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;

import org.chatserver.kafka.api.KafkaRecordProperties;

/**
 * The container's side of a message-driven bean as the adapter sees it: every endpoint it creates is a
 * {@link MessageListener} whose {@code onMessage} runs the bean and records the attempt. The bean is a
 * {@link Consumer} of the delivered record; it throws to fail the delivery, as a container's endpoint proxy throws
 * when its bean fails. The factory also measures how many {@code onMessage} calls ever ran at the same time, in all
 * and for records of one partition.
 *
 * <p>Thread-safe: the adapter delivers on its consumer thread while the test reads from its own.
 */
final class RecordingEndpointFactory implements MessageEndpointFactory {

    /**
     * One {@code onMessage} call.
     *
     * @param record what was delivered, read from the message's text and properties
     * @param redelivered the message's {@code JMSRedelivered} flag
     * @param succeeded whether {@code onMessage} returned normally
     * @param startedNanos {@link System#nanoTime()} when the call began
     */
    record Delivery(TopicRecord record, boolean redelivered, boolean succeeded, long startedNanos) {
    }

    private final Consumer<TopicRecord> bean;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final AtomicInteger inOnMessage = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();
    private final Map<Integer, AtomicInteger> inOnMessageByPartition = new ConcurrentHashMap<>();
    private final AtomicInteger mostAtOnceInAPartition = new AtomicInteger();

    /** @param bean handles each delivered record; throwing a runtime exception fails the delivery */
    RecordingEndpointFactory(Consumer<TopicRecord> bean) {
        this.bean = bean;
    }

    /** @return every {@code onMessage} call so far, in the order they ended */
    List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    /** @return the records whose {@code onMessage} returned normally, in delivery order */
    List<TopicRecord> processed() {
        return deliveries.stream().filter(Delivery::succeeded).map(Delivery::record).toList();
    }

    /** @return how many deliveries of {@code record} failed so far */
    long failedAttempts(TopicRecord record) {
        return deliveries.stream()
                .filter(delivery -> !delivery.succeeded() && delivery.record().equals(record))
                .count();
    }

    /** @return the most {@code onMessage} calls that ever ran at the same time */
    int mostConcurrentDeliveries() {
        return mostAtOnce.get();
    }

    /** @return the most {@code onMessage} calls for records of the same partition that ever ran at the same time */
    int mostConcurrentDeliveriesInAPartition() {
        return mostAtOnceInAPartition.get();
    }

    @Override
    public MessageEndpoint createEndpoint(XAResource xaResource) {
        return new Endpoint();
    }

    @Override
    public MessageEndpoint createEndpoint(XAResource xaResource, long timeout) {
        return new Endpoint();
    }

    @Override
    public boolean isDeliveryTransacted(Method method) {
        return false;
    }

    @Override
    public String getActivationName() {
        return "kafka-it-endpoint";
    }

    @Override
    public Class<?> getEndpointClass() {
        return Endpoint.class;
    }

    private static TopicRecord read(Message message) throws JMSException {
        return new TopicRecord(message.getStringProperty(KafkaRecordProperties.TOPIC),
                message.getIntProperty(KafkaRecordProperties.PARTITION),
                message.getLongProperty(KafkaRecordProperties.OFFSET),
                message.getStringProperty(KafkaRecordProperties.KEY), ((TextMessage) message).getText());
    }

    /** What the container's endpoint proxy is to the adapter: a message listener that is also an endpoint. */
    private final class Endpoint implements MessageEndpoint, MessageListener {

        @Override
        public void onMessage(Message message) {
            long startedNanos = System.nanoTime();
            TopicRecord record;
            boolean redelivered;
            try {
                record = read(message);
                redelivered = message.getJMSRedelivered();
            } catch (JMSException e) {
                throw new IllegalStateException("Unreadable message " + message, e);
            }
            AtomicInteger inPartition = inOnMessageByPartition.computeIfAbsent(record.partition(),
                    partition -> new AtomicInteger());
            mostAtOnce.accumulateAndGet(inOnMessage.incrementAndGet(), Math::max);
            mostAtOnceInAPartition.accumulateAndGet(inPartition.incrementAndGet(), Math::max);
            boolean succeeded = false;
            try {
                bean.accept(record);
                succeeded = true;
            } finally {
                deliveries.add(new Delivery(record, redelivered, succeeded, startedNanos));
                inPartition.decrementAndGet();
                inOnMessage.decrementAndGet();
            }
        }

        /** The adapter delivers with plain {@code onMessage} calls (option B of transacted delivery). */
        @Override
        public void beforeDelivery(Method method) {
            throw new UnsupportedOperationException("the adapter is not expected to call beforeDelivery");
        }

        @Override
        public void afterDelivery() {
            throw new UnsupportedOperationException("the adapter is not expected to call afterDelivery");
        }

        @Override
        public void release() {
            // Nothing pooled: the endpoint holds no resources.
        }
    }
}
