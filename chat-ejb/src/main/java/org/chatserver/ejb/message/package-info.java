/**
 * Sending and reading messages: the channel sequence, idempotency by client message id, the durable ack.
 *
 * <p>The path of a send: {@link org.chatserver.ejb.message.MessageService} hands it to
 * {@link org.chatserver.ejb.message.GroupCommit}, which queues it on a lane of the channel's shard with the sends
 * that arrive meanwhile; {@link org.chatserver.ejb.message.MessageAppender} then stores the whole batch in one
 * transaction (locking each channel row, taking the next {@code seq}s, storing the messages and their outbox entries)
 * and commits. Only then does each caller get its answer (the ack); the outbox relay publishes to Kafka after the
 * commit. Before any of that, {@link org.chatserver.ejb.message.SendRateLimiter} takes the send from the user's
 * cluster-wide allowance.
 */
package org.chatserver.ejb.message;
