/** PROTOCOL.md's rules for connections and errors: heartbeats, rate limits, every error code. */
package org.chatserver.it.protocol;
