package org.chatserver.ejb.presence;

import java.util.Arrays;

import org.chatserver.ejb.problem.ChatProblem;

/** A user's presence as PROTOCOL.md names it. */
public enum PresenceState {
    ONLINE, AWAY, OFFLINE;

    /** The wire name: {@code online}, {@code away}, {@code offline}. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Reads a wire name. */
    public static PresenceState ofWire(String name) {
        return Arrays.stream(values()).filter(state -> state.wireName().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no presence state " + name));
    }

    /**
     * Reads the state a client may set for itself with the {@code presence} op.
     *
     * @throws ChatProblem {@code bad_request} for anything but {@code online} or {@code away}
     */
    public static PresenceState settable(String name) {
        if (ONLINE.wireName().equals(name)) {
            return ONLINE;
        }
        if (AWAY.wireName().equals(name)) {
            return AWAY;
        }
        throw ChatProblem.badRequest("state must be online or away");
    }
}
