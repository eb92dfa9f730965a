package org.chatserver.kafka.inbound;

import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotWriteableException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.Optional;
import java.util.Set;

import static org.chatserver.kafka.api.KafkaRecordProperties.KEY;
import static org.chatserver.kafka.api.KafkaRecordProperties.OFFSET;
import static org.chatserver.kafka.api.KafkaRecordProperties.PARTITION;
import static org.chatserver.kafka.api.KafkaRecordProperties.TIMESTAMP;
import static org.chatserver.kafka.api.KafkaRecordProperties.TOPIC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KafkaTextMessageTest {

    private static final long TIMESTAMP_MS = 1_700_000_000_000L;

    private final KafkaTextMessage message = new KafkaTextMessage(record("channel-42", "{\"seq\":7}"), false);

    @Test
    void carriesTheValueAsText() throws JMSException {
        assertEquals("{\"seq\":7}", message.getText());
        assertEquals("{\"seq\":7}", message.getBody(String.class));
        assertEquals("{\"seq\":7}", message.getBody(Object.class));
        assertTrue(message.isBodyAssignableTo(CharSequence.class));
        assertFalse(message.isBodyAssignableTo(byte[].class));
        assertThrows(MessageFormatException.class, () -> message.getBody(byte[].class));
    }

    @Test
    void carriesTheRecordCoordinatesAsTypedProperties() throws JMSException {
        assertEquals("chat.messages", message.getStringProperty(TOPIC));
        assertEquals(3, message.getIntProperty(PARTITION));
        assertEquals(3L, message.getLongProperty(PARTITION));
        assertEquals(1234L, message.getLongProperty(OFFSET));
        assertEquals("channel-42", message.getStringProperty(KEY));
        assertEquals(TIMESTAMP_MS, message.getLongProperty(TIMESTAMP));
        assertEquals(Integer.valueOf(3), message.getObjectProperty(PARTITION));
        assertEquals(Long.valueOf(1234), message.getObjectProperty(OFFSET));
        assertEquals("1234", message.getStringProperty(OFFSET));
    }

    @Test
    void listsItsPropertyNames() {
        Set<String> names = Set.copyOf(Collections.list(message.getPropertyNames()));

        assertEquals(Set.of(TOPIC, PARTITION, OFFSET, KEY, TIMESTAMP), names);
        assertTrue(message.propertyExists(OFFSET));
        assertFalse(message.propertyExists("JMSXDeliveryCount"));
    }

    @Test
    void convertsLikeTheJmsConversionTable() {
        assertThrows(MessageFormatException.class, () -> message.getIntProperty(OFFSET));
        assertThrows(MessageFormatException.class, () -> message.getBooleanProperty(PARTITION));
        assertThrows(MessageFormatException.class, () -> message.getDoubleProperty(OFFSET));
        assertThrows(NumberFormatException.class, () -> message.getIntProperty(TOPIC));
        assertThrows(NumberFormatException.class, () -> message.getIntProperty("missing"));
        assertNull(message.getStringProperty("missing"));
    }

    @Test
    void hasNoKeyPropertyForARecordWithoutKey() {
        KafkaTextMessage keyless = new KafkaTextMessage(record(null, "v"), false);

        assertFalse(keyless.propertyExists(KEY));
        assertNull(keyless.getStringProperty(KEY));
    }

    @Test
    void derivesTheHeadersFromTheRecord() {
        KafkaTextMessage retry = new KafkaTextMessage(record("k", "v"), true);

        assertEquals("ID:kafka:chat.messages-3-1234", message.getJMSMessageID());
        assertEquals(TIMESTAMP_MS, message.getJMSTimestamp());
        assertEquals(DeliveryMode.PERSISTENT, message.getJMSDeliveryMode());
        assertFalse(message.getJMSRedelivered());
        assertTrue(retry.getJMSRedelivered());
    }

    @Test
    void isReadOnly() {
        assertThrows(MessageNotWriteableException.class, () -> message.setText("x"));
        assertThrows(MessageNotWriteableException.class, () -> message.setStringProperty(KEY, "x"));
        assertThrows(MessageNotWriteableException.class, message::clearProperties);
        assertThrows(MessageNotWriteableException.class, () -> message.setJMSRedelivered(true));
    }

    @Test
    void hasANullBodyForATombstone() throws JMSException {
        KafkaTextMessage tombstone = new KafkaTextMessage(record("k", null), false);

        assertNull(tombstone.getText());
        assertNull(tombstone.getBody(byte[].class));
    }

    private static ConsumerRecord<String, String> record(String key, String value) {
        return new ConsumerRecord<>("chat.messages", 3, 1234, TIMESTAMP_MS, TimestampType.CREATE_TIME, 0, 0, key,
                value, new RecordHeaders(), Optional.empty());
    }
}
