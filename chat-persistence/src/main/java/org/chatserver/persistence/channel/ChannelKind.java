package org.chatserver.persistence.channel;

import java.util.Locale;
import java.util.Optional;

/** The kinds of channel of PROTOCOL.md; stored and sent in lower case. */
public enum ChannelKind {
    PUBLIC, PRIVATE, DM;

    /** The wire and column form. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind named {@code wireName}, if it is one. */
    public static Optional<ChannelKind> fromWire(String wireName) {
        for (ChannelKind kind : values()) {
            if (kind.wireName().equals(wireName)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
