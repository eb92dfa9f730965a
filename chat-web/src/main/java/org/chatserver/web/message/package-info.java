/** REST resources of messages: sending and history (PROTOCOL.md section 2). */
package org.chatserver.web.message;
