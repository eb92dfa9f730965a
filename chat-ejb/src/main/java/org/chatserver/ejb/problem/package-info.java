/** The failures a client can be told about: PROTOCOL.md's error codes, as one exception type. */
package org.chatserver.ejb.problem;
