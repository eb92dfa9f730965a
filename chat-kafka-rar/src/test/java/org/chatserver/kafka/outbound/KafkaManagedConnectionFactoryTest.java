package org.chatserver.kafka.outbound;

import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ManagedConnection;
import org.chatserver.kafka.api.KafkaConnection;
import org.chatserver.kafka.api.KafkaConnectionFactory;
import org.chatserver.kafka.inbound.KafkaResourceAdapter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Connection management of the outbound side. The producer is real but never sends: creating one needs no broker,
 * so these tests need none either.
 */
class KafkaManagedConnectionFactoryTest {

    /** Loopback port 1: nothing listens there; nothing is sent anyway. */
    private static final String NO_BROKER = "127.0.0.1:1";

    private final KafkaManagedConnectionFactory factory = factory(NO_BROKER);

    @AfterEach
    void closeProducer() {
        factory.close();
    }

    @Test
    void aClosedHandleTellsTheContainerAndCannotBeUsedAnyMore() throws ResourceException {
        ManagedConnection managed = factory.createManagedConnection(null, null);
        List<ConnectionEvent> events = recordEvents(managed);
        KafkaConnection handle = (KafkaConnection) managed.getConnection(null, null);

        handle.close();
        handle.close();

        assertEquals(1, events.size());
        assertEquals(ConnectionEvent.CONNECTION_CLOSED, events.get(0).getId());
        assertSame(handle, events.get(0).getConnectionHandle());
        assertThrows(IllegalStateException.class, () -> handle.send("t", "k", "v"));
        assertThrows(IllegalStateException.class, handle::flush);
    }

    @Test
    void cleanupInvalidatesHandlesTheApplicationLeftOpen() throws ResourceException {
        ManagedConnection managed = factory.createManagedConnection(null, null);
        KafkaConnection handle = (KafkaConnection) managed.getConnection(null, null);

        managed.cleanup();

        assertThrows(IllegalStateException.class, handle::flush);
    }

    @Test
    void movingAHandleMakesItReportToItsNewConnection() throws ResourceException {
        ManagedConnection first = factory.createManagedConnection(null, null);
        ManagedConnection second = factory.createManagedConnection(null, null);
        List<ConnectionEvent> eventsOfFirst = recordEvents(first);
        List<ConnectionEvent> eventsOfSecond = recordEvents(second);
        KafkaConnection handle = (KafkaConnection) first.getConnection(null, null);

        second.associateConnection(handle);
        handle.close();

        assertEquals(0, eventsOfFirst.size());
        assertEquals(1, eventsOfSecond.size());
    }

    @Test
    void everyConnectionOfTheFactoryMatches() throws ResourceException {
        KafkaManagedConnectionFactory other = factory(NO_BROKER);
        ManagedConnection own = factory.createManagedConnection(null, null);
        try {
            ManagedConnection foreign = other.createManagedConnection(null, null);

            assertSame(own, factory.matchManagedConnections(Set.of(foreign, own), null, null));
            assertNull(factory.matchManagedConnections(Set.of(foreign), null, null));
        } finally {
            other.close();
        }
    }

    @Test
    void takesNoPartInTransactions() throws ResourceException {
        ManagedConnection managed = factory.createManagedConnection(null, null);

        assertThrows(NotSupportedException.class, managed::getXAResource);
        assertThrows(NotSupportedException.class, managed::getLocalTransaction);
    }

    @Test
    void worksWithoutAContainer() throws ResourceException {
        KafkaConnectionFactory connectionFactory = (KafkaConnectionFactory) factory.createConnectionFactory();

        try (KafkaConnection connection = connectionFactory.getConnection()) {
            connection.flush();
        }
    }

    @Test
    void needsBootstrapServers() {
        assertThrows(ResourceException.class, () -> new KafkaManagedConnectionFactory().createManagedConnection(null,
                null));
    }

    @Test
    void theAdapterStopClosesTheProducerForGood() {
        KafkaResourceAdapter adapter = new KafkaResourceAdapter();
        factory.setResourceAdapter(adapter);

        adapter.stop();

        assertThrows(ResourceException.class, () -> factory.createManagedConnection(null, null));
    }

    @Test
    void isEqualToAFactoryConfiguredAlike() {
        KafkaManagedConnectionFactory alike = factory(NO_BROKER);
        KafkaManagedConnectionFactory different = factory(NO_BROKER);
        different.setLingerMs(50);

        assertEquals(alike, factory);
        assertEquals(alike.hashCode(), factory.hashCode());
        assertNotEquals(different, factory);
    }

    private static KafkaManagedConnectionFactory factory(String bootstrapServers) {
        KafkaManagedConnectionFactory factory = new KafkaManagedConnectionFactory();
        factory.setBootstrapServers(bootstrapServers);
        return factory;
    }

    private static List<ConnectionEvent> recordEvents(ManagedConnection managed) {
        List<ConnectionEvent> events = new ArrayList<>();
        managed.addConnectionEventListener(new ConnectionEventListener() {
            @Override
            public void connectionClosed(ConnectionEvent event) {
                events.add(event);
            }

            @Override
            public void localTransactionStarted(ConnectionEvent event) {
            }

            @Override
            public void localTransactionCommitted(ConnectionEvent event) {
            }

            @Override
            public void localTransactionRolledback(ConnectionEvent event) {
            }

            @Override
            public void connectionErrorOccurred(ConnectionEvent event) {
            }
        });
        return events;
    }
}
