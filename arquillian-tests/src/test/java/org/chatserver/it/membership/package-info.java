/** Channels and membership over REST, and their effect on live connections. */
package org.chatserver.it.membership;
