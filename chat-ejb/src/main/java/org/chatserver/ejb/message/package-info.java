/**
 * Sending and reading messages: the channel sequence, idempotency by client message id, the durable ack.
 *
 * <p>The path of a send: {@link org.chatserver.ejb.message.MessageService} selects the channel's shard and calls
 * {@link org.chatserver.ejb.message.MessageAppender}, whose one transaction locks the channel row, takes the next
 * {@code seq}, stores the message and its outbox entry, and commits. Only then does the caller get its answer (the
 * ack); the outbox relay publishes to Kafka after the commit. Before any of that,
 * {@link org.chatserver.ejb.message.SendRateLimiter} takes the send from the user's cluster-wide allowance.
 */
package org.chatserver.ejb.message;
