package org.chatserver.kafka.client;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.Map;
import java.util.function.Supplier;

/**
 * Creates Kafka clients with string keys and values.
 *
 * <p>Why this exists: the Kafka client resolves configured class names (metric reporters, partition assignors) with
 * the thread's context class loader. In the application server that is whichever loader the calling thread has (an
 * application's, or a work manager thread's), which need not see the jars bundled in this adapter, so clients are
 * created with the adapter's own class loader as context loader.
 *
 * <p>Stateless and thread-safe.
 */
public final class KafkaClients {

    private KafkaClients() {
    }

    /**
     * Creates a producer.
     *
     * @param config producer configuration without serializers
     * @return a new producer
     * @throws org.apache.kafka.common.KafkaException if the configuration is invalid
     */
    public static KafkaProducer<String, String> newProducer(Map<String, Object> config) {
        return withAdapterClassLoader(
                () -> new KafkaProducer<>(config, new StringSerializer(), new StringSerializer()));
    }

    /**
     * Creates a consumer.
     *
     * @param config consumer configuration without deserializers
     * @return a new consumer
     * @throws org.apache.kafka.common.KafkaException if the configuration is invalid
     */
    public static KafkaConsumer<String, String> newConsumer(Map<String, Object> config) {
        return withAdapterClassLoader(
                () -> new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer()));
    }

    private static <T> T withAdapterClassLoader(Supplier<T> factory) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(KafkaClients.class.getClassLoader());
        try {
            return factory.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
