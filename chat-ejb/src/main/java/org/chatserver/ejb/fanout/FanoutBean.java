package org.chatserver.ejb.fanout;

import java.util.logging.Logger;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import jakarta.json.JsonException;

import org.chatserver.ejb.message.ChatMessage;
import org.chatserver.kafka.api.KafkaRecordProperties;

/**
 * Consumes the stream of committed messages through our Kafka resource adapter (consumer group {@code fanout}: each
 * partition has one consumer in the cluster) and hands each message to {@link FanoutService}. Each node runs
 * {@code chat.fanout.consumers} consumers, so the partitions it holds are fanned out in parallel, each in order.
 *
 * <p>The adapter is named literally (Payara does not substitute configuration there): on Payara Micro it is the
 * standalone RAR's name; the EAR overrides it with its embedded module's name through an alternative runtime
 * descriptor (chat-ear's {@code glassfish-chat-ejb-in-ear.xml}). Payara resolves {@code ${MPCONFIG=...}} in
 * activation properties from server-level configuration only (system properties, not the application's config
 * file), so the bootstrap servers and the number of consumers must be set there: server-config does so on Payara
 * Micro and Payara Server.
 *
 * <p>An exception makes the adapter retry the record with backoff and keeps its offset uncommitted. A record that can
 * never be read is the one exception: it is logged with its coordinates and skipped, since retrying cannot help.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = FanoutBean.RESOURCE_ADAPTER),
        @ActivationConfigProperty(propertyName = "bootstrapServers",
                propertyValue = "${MPCONFIG=chat.kafka.bootstrap-servers}"),
        @ActivationConfigProperty(propertyName = "consumers", propertyValue = "${MPCONFIG=chat.fanout.consumers}"),
        @ActivationConfigProperty(propertyName = "topics", propertyValue = ChatMessage.TOPIC),
        @ActivationConfigProperty(propertyName = "groupId", propertyValue = FanoutBean.CONSUMER_GROUP)})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class FanoutBean implements MessageListener {

    /** One consumer group for the whole cluster: each partition is fanned out by exactly one node. */
    static final String CONSUMER_GROUP = "fanout";

    /** The resource adapter's name when the RAR is deployed on its own (Payara Micro). */
    static final String RESOURCE_ADAPTER = "chat-kafka-rar";

    private static final Logger LOG = Logger.getLogger(FanoutBean.class.getName());

    @Inject
    FanoutService fanout;

    @Override
    public void onMessage(Message record) {
        ChatMessage message;
        try {
            message = ChatMessage.fromRecord(((TextMessage) record).getText());
        } catch (JsonException | ClassCastException | NullPointerException | JMSException unreadable) {
            LOG.warning(() -> "Skipping an unreadable record at " + coordinates(record) + ": " + unreadable);
            return;
        }
        fanout.dispatch(message);
    }

    private static String coordinates(Message record) {
        try {
            return record.getStringProperty(KafkaRecordProperties.TOPIC) + "/"
                    + record.getIntProperty(KafkaRecordProperties.PARTITION) + "@"
                    + record.getLongProperty(KafkaRecordProperties.OFFSET);
        } catch (JMSException e) {
            return "an unknown position";
        }
    }
}
