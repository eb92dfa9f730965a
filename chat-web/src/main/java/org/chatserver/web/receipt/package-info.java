/** REST for receipts: moving the caller's read cursor. */
package org.chatserver.web.receipt;
