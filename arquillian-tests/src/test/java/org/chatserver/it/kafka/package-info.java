/**
 * Our Kafka resource adapter's inbound delivery contract, proven against the integration phase's real broker: the
 * adapter runs in the test's own JVM on stand-ins for the container (a work manager, a bootstrap context, a message
 * endpoint factory), so that tests can make the endpoint fail at will and read the consumer group's offsets back.
 */
package org.chatserver.it.kafka;
