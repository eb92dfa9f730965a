/** Channels and membership: creating them, who may see them, and how they look to a member. */
package org.chatserver.ejb.channel;
