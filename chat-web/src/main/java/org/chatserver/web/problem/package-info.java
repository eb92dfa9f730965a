/** Every REST failure as an RFC 9457 problem document with PROTOCOL.md's machine-readable {@code code}. */
package org.chatserver.web.problem;
