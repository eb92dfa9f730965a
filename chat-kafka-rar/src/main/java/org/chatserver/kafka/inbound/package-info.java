/**
 * The inbound side: delivers Kafka records to message-driven beans, with one or more consumers per activated bean.
 *
 * <p><b>Why our own adapter.</b> No Kafka resource adapter for the Jakarta ({@code jakarta.*}) namespace is
 * published on Maven Central, and Payara's older {@code javax} one commits offsets even when the bean throws, which
 * silently skips records. The fan-out needs the opposite: a record counts as consumed only once the bean handled it.
 *
 * <p><b>Activation.</b> A bean implementing {@code jakarta.jms.MessageListener} is activated with a
 * {@link org.chatserver.kafka.inbound.KafkaActivationSpec} (topics, group, number of consumers, retry settings). The
 * {@link org.chatserver.kafka.inbound.KafkaResourceAdapter} runs that many
 * {@link org.chatserver.kafka.inbound.EndpointConsumer}s for it, each its own Kafka consumer in the group and its
 * own {@code Work} on the container's work manager, holding that thread for the endpoint's life. Each record
 * arrives as a read-only {@code jakarta.jms.TextMessage} (see {@link org.chatserver.kafka.api.KafkaRecordProperties}).
 *
 * <p><b>Delivery contract.</b>
 * <ol>
 *   <li>Records of one partition are delivered in offset order, one at a time: a partition is assigned to one
 *       consumer of the group at a time, and each consumer delivers on its own thread, one record after another.
 *       With several consumers per endpoint ({@code consumers}), different partitions are delivered in parallel,
 *       so {@code onMessage} calls of one endpoint overlap. Ordering across partitions is not defined.</li>
 *   <li>The offset of a record is committed ({@code commitSync}) only after {@code onMessage} returned normally for
 *       it and for every earlier record of its partition. Offsets are committed after a poll's records were
 *       delivered once {@code commitIntervalMs} passed since the last such commit (0: after every poll), when
 *       partitions are revoked, and when the consumer stops.</li>
 *   <li>If {@code onMessage} throws (the container wraps bean failures in an exception thrown from the endpoint
 *       proxy), the same record is retried after an exponential backoff ({@code retryBackoffMs}, doubling up to
 *       {@code retryBackoffMaxMs}); it is never skipped, so a record that always fails stops its partition, which
 *       the log shows. While the partition backs off, it is paused and rewound to the failed record, and the
 *       consumer keeps polling: the group membership is kept and the other partitions keep flowing. A retry has
 *       {@code JMSRedelivered} set.</li>
 *   <li>A failure to create the endpoint (Payara's "EndpointFactory is currently not available" while the bean is
 *       still being deployed, or any {@code UnavailableException}) is handled like a failed delivery.</li>
 *   <li>Auto-commit is off. When partitions are revoked, what was processed of them is committed first; an assigned
 *       partition is delivered from its committed offset. So delivery is at least once: a record processed but not
 *       yet committed when its partition moves (a lost partition, a crash) is delivered again.</li>
 *   <li>On deactivation or adapter stop the loop is stopped ({@code wakeup}), the record in flight is finished,
 *       processed offsets are committed, the consumer is closed; the container waits at most 30 seconds for this.
 *       </li>
 *   <li>Each delivery creates an endpoint ({@code createEndpoint(null)}), calls {@code onMessage} and releases the
 *       endpoint. {@code beforeDelivery}/{@code afterDelivery} are not called: for a bean with container-managed
 *       transactions the container runs {@code onMessage} in its own transaction (the Connector specification's
 *       option B for transacted delivery). A bean that wants a record again must throw; marking its transaction
 *       for rollback without throwing is not visible to the adapter, and the record counts as processed.</li>
 * </ol>
 *
 * <p>Should a consumer fail as a whole (brokers refuse it, an unexpected error), it is closed and recreated after
 * the same kind of backoff, resuming from the committed offsets.
 *
 * <p><b>Logging</b> goes to {@code java.util.logging} (Payara's server log). Record values are never logged;
 * topics, partitions and offsets are.
 */
package org.chatserver.kafka.inbound;
