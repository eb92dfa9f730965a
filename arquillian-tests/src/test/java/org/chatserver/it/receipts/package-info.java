/** Integration tests of receipts, unread counts, typing and multi-device delivery. */
package org.chatserver.it.receipts;
