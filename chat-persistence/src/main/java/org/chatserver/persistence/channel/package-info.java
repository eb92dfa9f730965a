/** Channels: public, private and direct-message conversations, each with its message sequence. */
package org.chatserver.persistence.channel;
