/**
 * The edges of the chat server (PROTOCOL.md): the WebSocket endpoint, the REST resources and authentication.
 *
 * <p>Edges stay thin: a handler decodes, validates, builds the domain's value objects and calls one service method of
 * chat-ejb. No entity manager, Kafka or Redis here.
 */
package org.chatserver.web;
