/**
 * The protocol clients of the load generator: REST calls (tokens, tickets, channels, history) over the JDK
 * {@code HttpClient}, and WebSocket connections over Netty, one small event-loop group for thousands of sockets,
 * each socket bound to a chosen loopback source address; PROTOCOL.md's reconnect backoff, and which node of several a
 * client connects and reconnects to ({@link org.chatserver.bench.client.NodeRouting}). Speaks only
 * {@code shared/PROTOCOL.md}; no server classes.
 */
package org.chatserver.bench.client;
