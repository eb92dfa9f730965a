/** The JSON of the wire protocol: how frames and records are written and read. */
package org.chatserver.ejb.wire;
