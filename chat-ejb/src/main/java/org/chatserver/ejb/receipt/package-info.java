/**
 * Receipts and unread counts: each member's delivered and read cursors per channel, moved forward only, and the
 * {@code receipt} frames that tell the other members of small channels. A channel's unread count for a member is its
 * newest {@code seq} minus the member's read cursor.
 */
package org.chatserver.ejb.receipt;
