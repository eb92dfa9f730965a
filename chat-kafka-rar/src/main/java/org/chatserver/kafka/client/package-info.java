/**
 * Creation of Kafka clients inside the application server, shared by the inbound and outbound sides.
 */
package org.chatserver.kafka.client;
