/**
 * Fan-out: from the Kafka stream of committed messages to the gateway nodes that hold online members.
 *
 * <p>{@link org.chatserver.ejb.fanout.FanoutBean} consumes the stream (one consumer per partition in the cluster,
 * through our resource adapter); {@link org.chatserver.ejb.fanout.FanoutSequencer} restores {@code seq} order per
 * channel (filling gaps from the database, dropping repeats); {@link org.chatserver.ejb.fanout.FanoutService} looks up
 * the {@link org.chatserver.ejb.fanout.NodeRoutingTable} and publishes the frame once per gateway node, never once
 * per member, on the {@link org.chatserver.ejb.fanout.NodeMessageBus}.
 */
package org.chatserver.ejb.fanout;
