/** Users: identified by the pair (workspace, user id), provisioned on first use. */
package org.chatserver.persistence.user;
