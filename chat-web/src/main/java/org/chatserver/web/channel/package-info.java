/** REST resources of channels and membership (PROTOCOL.md section 2). */
package org.chatserver.web.channel;
