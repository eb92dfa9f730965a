package org.chatserver.kafka.inbound;

import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotWriteableException;
import jakarta.jms.TextMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chatserver.kafka.api.KafkaRecordProperties;

import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;

/**
 * One Kafka record as the read-only {@link TextMessage} a message-driven bean receives: the text is the record
 * value, the properties are those of {@link KafkaRecordProperties}, and the headers are derived from the record
 * ({@code JMSMessageID} names its topic, partition and offset; {@code JMSTimestamp} is its timestamp;
 * {@code JMSRedelivered} tells that an earlier delivery of it failed). Every setter throws
 * {@link MessageNotWriteableException}, since nothing written could reach Kafka.
 *
 * <p>Immutable and thread-safe.
 */
final class KafkaTextMessage implements TextMessage {

    private static final String MESSAGE_ID_PREFIX = "ID:kafka:";

    /** Kafka records never expire in the JMS sense. */
    private static final long NEVER_EXPIRES = 0;

    private final String text;
    private final String messageId;
    private final long timestamp;
    private final boolean redelivered;
    private final ReadOnlyMessageProperties properties;

    /**
     * @param record the record to deliver
     * @param redelivered whether an earlier delivery of the same record failed
     */
    KafkaTextMessage(ConsumerRecord<String, String> record, boolean redelivered) {
        this.text = record.value();
        this.messageId = MESSAGE_ID_PREFIX + record.topic() + '-' + record.partition() + '-' + record.offset();
        this.timestamp = record.timestamp();
        this.redelivered = redelivered;
        this.properties = new ReadOnlyMessageProperties(propertiesOf(record));
    }

    private static Map<String, Object> propertiesOf(ConsumerRecord<String, String> record) {
        Map<String, Object> values = new HashMap<>();
        values.put(KafkaRecordProperties.TOPIC, record.topic());
        values.put(KafkaRecordProperties.PARTITION, record.partition());
        values.put(KafkaRecordProperties.OFFSET, record.offset());
        values.put(KafkaRecordProperties.TIMESTAMP, record.timestamp());
        // JMS properties cannot hold null: a record without key has no key property, which reads as null anyway.
        if (record.key() != null) {
            values.put(KafkaRecordProperties.KEY, record.key());
        }
        return values;
    }

    @Override
    public String getText() {
        return text;
    }

    @Override
    public <T> T getBody(Class<T> type) throws JMSException {
        if (!isBodyAssignableTo(type)) {
            throw new MessageFormatException("A text message body is not assignable to " + type.getName());
        }
        return type.cast(text);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public boolean isBodyAssignableTo(Class type) {
        Class<?> target = type;
        return text == null || target.isAssignableFrom(String.class);
    }

    @Override
    public String getJMSMessageID() {
        return messageId;
    }

    @Override
    public long getJMSTimestamp() {
        return timestamp;
    }

    @Override
    public boolean getJMSRedelivered() {
        return redelivered;
    }

    @Override
    public int getJMSDeliveryMode() {
        return DeliveryMode.PERSISTENT;
    }

    @Override
    public int getJMSPriority() {
        return Message.DEFAULT_PRIORITY;
    }

    @Override
    public long getJMSExpiration() {
        return NEVER_EXPIRES;
    }

    /** The record became deliverable when it was written. */
    @Override
    public long getJMSDeliveryTime() {
        return timestamp;
    }

    @Override
    public byte[] getJMSCorrelationIDAsBytes() {
        return null;
    }

    @Override
    public String getJMSCorrelationID() {
        return null;
    }

    @Override
    public Destination getJMSReplyTo() {
        return null;
    }

    @Override
    public Destination getJMSDestination() {
        return null;
    }

    @Override
    public String getJMSType() {
        return null;
    }

    @Override
    public boolean propertyExists(String name) {
        return properties.exists(name);
    }

    @Override
    public boolean getBooleanProperty(String name) throws JMSException {
        return properties.getBoolean(name);
    }

    @Override
    public byte getByteProperty(String name) throws JMSException {
        return properties.getByte(name);
    }

    @Override
    public short getShortProperty(String name) throws JMSException {
        return properties.getShort(name);
    }

    @Override
    public int getIntProperty(String name) throws JMSException {
        return properties.getInt(name);
    }

    @Override
    public long getLongProperty(String name) throws JMSException {
        return properties.getLong(name);
    }

    @Override
    public float getFloatProperty(String name) throws JMSException {
        return properties.getFloat(name);
    }

    @Override
    public double getDoubleProperty(String name) throws JMSException {
        return properties.getDouble(name);
    }

    @Override
    public String getStringProperty(String name) {
        return properties.getString(name);
    }

    @Override
    public Object getObjectProperty(String name) {
        return properties.getObject(name);
    }

    @Override
    public Enumeration<String> getPropertyNames() {
        return properties.names();
    }

    /** Nothing to do: the adapter acknowledges by committing the offset once {@code onMessage} returned. */
    @Override
    public void acknowledge() {
    }

    @Override
    public void setText(String string) throws JMSException {
        throw readOnly();
    }

    @Override
    public void clearBody() throws JMSException {
        throw readOnly();
    }

    @Override
    public void clearProperties() throws JMSException {
        throw readOnly();
    }

    @Override
    public void setJMSMessageID(String id) throws JMSException {
        throw readOnly();
    }

    @Override
    public void setJMSTimestamp(long timestamp) throws JMSException {
        throw readOnly();
    }

    @Override
    public void setJMSCorrelationIDAsBytes(byte[] correlationId) throws JMSException {
        throw readOnly();
    }

    @Override
    public void setJMSCorrelationID(String correlationId) throws JMSException {
        throw readOnly();
    }

    @Override
    public void setJMSReplyTo(Destination replyTo) throws JMSException {
        throw readOnly();
    }

    @Override
    public void setJMSDestination(Destination destination) throws JMSException {
        throw readOnly();
    }

    @Override
    public void setJMSDeliveryMode(int deliveryMode) throws JMSException {
        throw readOnly();
    }

    @Override
    public void setJMSRedelivered(boolean redelivered) throws JMSException {
        throw readOnly();
    }

    @Override
    public void setJMSType(String type) throws JMSException {
        throw readOnly();
    }

    @Override
    public void setJMSExpiration(long expiration) throws JMSException {
        throw readOnly();
    }

    @Override
    public void setJMSDeliveryTime(long deliveryTime) throws JMSException {
        throw readOnly();
    }

    @Override
    public void setJMSPriority(int priority) throws JMSException {
        throw readOnly();
    }

    @Override
    public void setBooleanProperty(String name, boolean value) throws JMSException {
        throw readOnly();
    }

    @Override
    public void setByteProperty(String name, byte value) throws JMSException {
        throw readOnly();
    }

    @Override
    public void setShortProperty(String name, short value) throws JMSException {
        throw readOnly();
    }

    @Override
    public void setIntProperty(String name, int value) throws JMSException {
        throw readOnly();
    }

    @Override
    public void setLongProperty(String name, long value) throws JMSException {
        throw readOnly();
    }

    @Override
    public void setFloatProperty(String name, float value) throws JMSException {
        throw readOnly();
    }

    @Override
    public void setDoubleProperty(String name, double value) throws JMSException {
        throw readOnly();
    }

    @Override
    public void setStringProperty(String name, String value) throws JMSException {
        throw readOnly();
    }

    @Override
    public void setObjectProperty(String name, Object value) throws JMSException {
        throw readOnly();
    }

    private static MessageNotWriteableException readOnly() {
        return new MessageNotWriteableException("A message delivered from Kafka is read-only");
    }
}
