/** Catch-up after a disconnect: {@code sync} over the WebSocket and history over REST. */
package org.chatserver.it.catchup;
