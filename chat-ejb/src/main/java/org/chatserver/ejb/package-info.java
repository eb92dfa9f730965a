/**
 * The domain services of ARCHITECTURE.md: the rules of channels, membership and messages, the transactional outbox,
 * the fan-out message-driven bean and the routing of frames to gateway nodes.
 *
 * <p>Services are stateless session beans; the edges (chat-web) call one service method per request. Session beans are
 * injected with {@code @EJB}, not {@code @Inject}: Payara's CDI proxy of a no-interface session bean looks the bean up
 * again on every call, throwing and catching an exception each time (profiled at 2 % of a node's CPU at 2,000 sends
 * per second), where the container's own reference calls it directly. Ports the
 * services use (the message publisher, the node routing table, the node message bus, the ticket store) are
 * interfaces here; Kafka (through our resource adapter) and Redis (through Redisson) implement them.
 */
package org.chatserver.ejb;
