/**
 * The WebSocket gateway at {@code /ws} (PROTOCOL.md section 3): ticket check on upgrade, frame decoding, and each
 * connection's bounded outbound queue.
 */
package org.chatserver.web.gateway;
