package org.chatserver.ejb.receipt;

/** Which cursor of a member a receipt moves: up to where its devices have the messages, or up to where it read. */
public enum ReceiptKind {
    DELIVERED, READ;

    /** The wire name: {@code delivered} or {@code read}. */
    public String wireName() {
        return this == READ ? "read" : "delivered";
    }
}
