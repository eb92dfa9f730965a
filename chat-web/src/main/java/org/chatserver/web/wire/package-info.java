/** Reading the fields of client JSON (REST bodies and WebSocket frames) with PROTOCOL.md's errors. */
package org.chatserver.web.wire;
