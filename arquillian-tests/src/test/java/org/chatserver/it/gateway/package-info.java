/** The first message's whole path on Payara Micro: identity, tickets, the WebSocket, Kafka fan-out, the shards. */
package org.chatserver.it.gateway;
