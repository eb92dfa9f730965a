/** Who is a member of which channel, with each member's read and delivered cursors. */
package org.chatserver.persistence.membership;
