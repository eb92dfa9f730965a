/** The Kafka adapter of the outbox: publishes through the resource adapter's producer connection factory. */
package org.chatserver.ejb.kafka;
