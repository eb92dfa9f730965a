package org.chatserver.kafka.api;

import java.util.concurrent.CompletableFuture;

/**
 * A connection handle for publishing records with string keys and values.
 *
 * <p>A handle is meant for one thread at a time, like any connection handle; the producer behind it is shared and
 * thread-safe. Handles are cheap: get one per unit of work and close it.
 */
public interface KafkaConnection extends AutoCloseable {

    /**
     * Publishes one record. Records with the same key go to the same partition, in send order.
     *
     * <p>Returns once the record is buffered; that may block (up to the producer's {@code max.block.ms}, one minute)
     * while the topic's partitions are unknown, e.g. when no broker is reachable.
     *
     * <p>The future is completed on the producer's network thread, so stages chained to it with the non-async
     * methods of {@link CompletableFuture} run there too and must not block; chain blocking work with the
     * {@code *Async} variants. Blocking on the future itself ({@code get}, {@code join}) is fine.
     *
     * @param topic the topic
     * @param key the record key (chooses the partition); may be {@code null}
     * @param value the record value, encoded as UTF-8
     * @return a future completed with the record's position once all in-sync replicas have it ({@code acks=all}),
     *     or completed exceptionally when the record could not be published within the delivery timeout
     * @throws IllegalStateException if this handle is closed
     */
    CompletableFuture<PublishedRecord> send(String topic, String key, String value);

    /**
     * Blocks until every record sent so far (through any handle of the same factory) is acknowledged or failed.
     *
     * @throws IllegalStateException if this handle is closed
     */
    void flush();

    /** Returns the handle to the pool. Records already sent are still delivered; closing twice is harmless. */
    @Override
    void close();
}
