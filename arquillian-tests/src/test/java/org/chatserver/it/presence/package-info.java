/** Integration tests of presence: transitions, TTL, large channels and connection storms. */
package org.chatserver.it.presence;
