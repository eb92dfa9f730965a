/** Messages: stored at their channel sequence, unique per sender's client message id. */
package org.chatserver.persistence.message;
