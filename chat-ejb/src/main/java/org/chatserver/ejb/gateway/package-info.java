/**
 * The gateway side of delivery on each node: the node's open client connections, indexed by channel, and the
 * listener that writes frames addressed to this node to them.
 *
 * <p>Local delivery (a frame for this node's connections) and remote delivery (a frame for another node, over the
 * {@link org.chatserver.ejb.fanout.NodeMessageBus}) are separate steps with separate names: the fan-out does remote
 * delivery once per node, {@link org.chatserver.ejb.gateway.LocalSessionIndex} does local delivery once per
 * connection.
 */
package org.chatserver.ejb.gateway;
