/** REST for presence: who of a channel's members is online. */
package org.chatserver.web.presence;
