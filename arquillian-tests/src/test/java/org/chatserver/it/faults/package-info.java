/** The failure model of ARCHITECTURE.md, with the real components failing. */
package org.chatserver.it.faults;
