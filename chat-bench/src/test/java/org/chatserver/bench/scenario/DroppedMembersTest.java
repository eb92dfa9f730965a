package org.chatserver.bench.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DroppedMembersTest {

    @Test
    void nothingIsSettledBeforeTheFirstDrop() {
        DroppedMembers drops = new DroppedMembers();
        assertFalse(drops.settled());
        assertFalse(drops.allResynced());
        drops.resynced(3, 10);
        assertEquals(0, drops.resyncedCount());
        assertEquals(0, drops.lastResyncNanos());
    }

    @Test
    void allResyncedCountsOnlyTheDroppedMembers() {
        DroppedMembers drops = new DroppedMembers();
        // Members 0 and 2 were on the killed node; 1 and 3 were never dropped and never resync.
        drops.dropped(0);
        drops.dropped(2);
        assertFalse(drops.settled());
        drops.resynced(0, 100);
        assertFalse(drops.allResynced());
        drops.resynced(2, 50);
        assertTrue(drops.allResynced());
        assertTrue(drops.settled());
        assertEquals(2, drops.droppedCount());
        assertEquals(2, drops.resyncedCount());
        assertEquals(100, drops.lastResyncNanos());
    }

    @Test
    void aMemberDroppedAgainMustResyncAgainAndCountsOnce() {
        DroppedMembers drops = new DroppedMembers();
        drops.dropped(7);
        drops.resynced(7, 10);
        drops.dropped(7);
        assertFalse(drops.settled());
        assertEquals(0, drops.resyncedCount());
        drops.resynced(7, 30);
        drops.resynced(7, 40);
        assertTrue(drops.allResynced());
        assertEquals(1, drops.droppedCount());
        assertEquals(30, drops.lastResyncNanos(), "a resync without a drop before it is not one");
    }

    @Test
    void aMemberThatGaveUpSettlesTheWaitButNotTheResync() {
        DroppedMembers drops = new DroppedMembers();
        drops.dropped(0);
        drops.dropped(1);
        drops.resynced(0, 5);
        drops.gaveUp(1);
        assertTrue(drops.settled());
        assertFalse(drops.allResynced());
        assertEquals(1, drops.resyncedCount());
        assertEquals(1, drops.gaveUpCount());
    }
}
