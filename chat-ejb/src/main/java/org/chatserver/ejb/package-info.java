/**
 * The domain services of ARCHITECTURE.md: the rules of channels, membership and messages, the transactional outbox,
 * the fan-out message-driven bean and the routing of frames to gateway nodes.
 *
 * <p>Services are stateless session beans; the edges (chat-web) call one service method per request. Ports the
 * services use (the message publisher, the node routing table, the node message bus, the ticket store) are
 * interfaces here; Kafka (through our resource adapter) and Redis (through Redisson) implement them.
 */
package org.chatserver.ejb;
