package org.chatserver.bench.scenario;

import java.util.BitSet;

/**
 * The reconnect scenario's tally after the kill: which members were dropped (their socket closed), which of them are
 * still to resync (reconnect and finish the {@code sync} of every channel) and which gave up reconnecting. A member
 * dropped again after a resync is to resync again. With several nodes only the killed node's members are dropped, so
 * "all resynced" means every dropped member, not every member. Thread-safe: every method synchronizes on the
 * instance (a few events per member and run).
 */
final class DroppedMembers {

    private final BitSet dropped = new BitSet();
    private final BitSet unsynced = new BitSet();
    private final BitSet gaveUp = new BitSet();
    private long lastResyncNanos;

    /** Records that the member's socket closed after the kill. */
    synchronized void dropped(int member) {
        dropped.set(member);
        unsynced.set(member);
    }

    /** Records that the member finished its resync at {@code nanos} ({@link System#nanoTime()}). */
    synchronized void resynced(int member, long nanos) {
        if (unsynced.get(member)) {
            unsynced.clear(member);
            lastResyncNanos = Math.max(lastResyncNanos, nanos);
        }
    }

    /** Records that the member stopped reconnecting (attempts or time used up). */
    synchronized void gaveUp(int member) {
        gaveUp.set(member);
    }

    /** @return how many members were dropped at least once */
    synchronized int droppedCount() {
        return dropped.cardinality();
    }

    /** @return how many dropped members have resynced since their last drop */
    synchronized int resyncedCount() {
        return dropped.cardinality() - unsynced.cardinality();
    }

    /** @return how many members gave up reconnecting */
    synchronized int gaveUpCount() {
        return gaveUp.cardinality();
    }

    /** @return whether some member was dropped and every dropped member has resynced since */
    synchronized boolean allResynced() {
        return !dropped.isEmpty() && unsynced.isEmpty();
    }

    /**
     * @return whether there is nothing more to wait for: some member was dropped and every dropped one has resynced
     *         or gave up. Before the first drop there is (the kill's closes are still to come).
     */
    synchronized boolean settled() {
        BitSet waiting = (BitSet) unsynced.clone();
        waiting.andNot(gaveUp);
        return !dropped.isEmpty() && waiting.isEmpty();
    }

    /** @return when the last resync finished ({@link System#nanoTime()}), 0 if none did */
    synchronized long lastResyncNanos() {
        return lastResyncNanos;
    }
}
