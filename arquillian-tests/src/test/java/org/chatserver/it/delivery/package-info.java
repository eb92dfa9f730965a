/** The delivery guarantees of PROTOCOL.md: one order for every member, and exactly-once in effect. */
package org.chatserver.it.delivery;
