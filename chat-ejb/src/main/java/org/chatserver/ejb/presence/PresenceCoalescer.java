package org.chatserver.ejb.presence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Coalesces the {@code presence} frames of one connection: at most one frame per user per window (one second by
 * default). A transition inside the window waits, and a newer one of the same user replaces it, so when the window
 * ends the connection gets the user's latest state once, and nothing if that is what it was last told. Transitions
 * older than the newest seen for a user ({@link PresenceTransition#version()}) are ignored, whatever order they
 * arrived in.
 *
 * <p>Memory is bounded by the users the connection hears of within one window plus those with a frame waiting.
 * Thread-safe (synchronized; one instance per connection, so no contention across connections).
 */
public final class PresenceCoalescer {

    /** What was last sent, or waits to be sent, about one user. */
    private static final class Entry {
        /** Never: a first frame is due at once. Far enough from overflow that adding a window is safe. */
        long sentAtMillis = Long.MIN_VALUE / 2;
        long version;
        String sentFrame;
        String waitingFrame;
    }

    /** Below this many users, remembering all of them is cheaper than sweeping. */
    private static final int FORGET_ABOVE_USERS = 1024;

    private final long windowMillis;
    private final Map<String, Entry> users = new HashMap<>();

    public PresenceCoalescer(long windowMillis) {
        this.windowMillis = windowMillis;
    }

    /**
     * Takes a transition of {@code user} rendered as {@code frame}: answers the frame to send now, or null if it
     * waits for {@link #due} (or is not news). With {@code room} false (the connection's queue is busy) nothing is
     * sent now: the frame waits, due as soon as its window allows.
     */
    public synchronized String offer(String user, long version, String frame, long nowMillis, boolean room) {
        Entry entry = users.get(user);
        if (entry == null) {
            forgetQuiet(nowMillis);
            entry = new Entry();
            users.put(user, entry);
        } else if (version < entry.version) {
            return null;
        }
        entry.version = version;
        if (!room || nowMillis - entry.sentAtMillis < windowMillis) {
            entry.waitingFrame = frame.equals(entry.sentFrame) ? null : frame;
            return null;
        }
        entry.waitingFrame = null;
        if (frame.equals(entry.sentFrame)) {
            return null;
        }
        entry.sentFrame = frame;
        entry.sentAtMillis = nowMillis;
        return frame;
    }

    /**
     * At most {@code limit} of the waiting frames whose window has ended at {@code nowMillis}; they count as sent now,
     * the others keep waiting.
     */
    public synchronized List<String> due(long nowMillis, int limit) {
        List<String> due = new ArrayList<>();
        for (Entry entry : users.values()) {
            if (due.size() >= limit) {
                break;
            }
            if (entry.waitingFrame != null && nowMillis - entry.sentAtMillis >= windowMillis) {
                due.add(entry.waitingFrame);
                entry.sentFrame = entry.waitingFrame;
                entry.sentAtMillis = nowMillis;
                entry.waitingFrame = null;
            }
        }
        return due;
    }

    /** When the earliest waiting frame falls due, if one waits. */
    public synchronized OptionalLong nextDueMillis() {
        return users.values().stream()
                .filter(entry -> entry.waitingFrame != null)
                .mapToLong(entry -> entry.sentAtMillis + windowMillis)
                .min();
    }

    /**
     * Forgets users with nothing waiting whose window ended long ago. Their last frame is forgotten with them, which
     * at worst repeats a frame that is not news, never more than once per window.
     */
    private void forgetQuiet(long nowMillis) {
        if (users.size() < FORGET_ABOVE_USERS) {
            return;
        }
        for (Iterator<Entry> it = users.values().iterator(); it.hasNext();) {
            Entry entry = it.next();
            if (entry.waitingFrame == null && nowMillis - entry.sentAtMillis >= windowMillis) {
                it.remove();
            }
        }
    }
}
