package org.chatserver.ejb.presence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

class PresenceCoalescerTest {

    private static final long WINDOW = 1_000;
    private final PresenceCoalescer coalescer = new PresenceCoalescer(WINDOW);

    @Test
    void theFirstTransitionOfAUserGoesOutAtOnce() {
        assertEquals("bob online", coalescer.offer("bob", 1, "bob online", 0, true));
        assertEquals("ann online", coalescer.offer("ann", 1, "ann online", 10, true));
    }

    @Test
    void withinTheWindowOnlyTheLatestStateWaitsAndGoesOutWhenTheWindowEnds() {
        coalescer.offer("bob", 1, "bob online", 0, true);
        assertNull(coalescer.offer("bob", 2, "bob away", 100, true));
        assertNull(coalescer.offer("bob", 3, "bob offline", 200, true));
        assertEquals(OptionalLong.of(WINDOW), coalescer.nextDueMillis());
        assertEquals(List.of(), coalescer.due(WINDOW - 1, Integer.MAX_VALUE));
        assertEquals(List.of("bob offline"), coalescer.due(WINDOW, Integer.MAX_VALUE));
        assertEquals(OptionalLong.empty(), coalescer.nextDueMillis());
    }

    @Test
    void aFlapBackToWhatWasSentSendsNothingMore() {
        coalescer.offer("bob", 1, "bob online", 0, true);
        coalescer.offer("bob", 2, "bob offline", 100, true);
        coalescer.offer("bob", 3, "bob online", 200, true);
        assertEquals(List.of(), coalescer.due(WINDOW, Integer.MAX_VALUE));
        assertTrue(coalescer.nextDueMillis().isEmpty());
    }

    @Test
    void neverMoreThanOneFramePerUserPerWindow() {
        int sent = 0;
        for (int t = 0; t < 10 * WINDOW; t += 50) {
            if (coalescer.offer("bob", t + 1, "bob " + (t % 100 == 0 ? "online" : "away"), t, true) != null) {
                sent++;
            }
            sent += coalescer.due(t, Integer.MAX_VALUE).size();
        }
        assertTrue(sent <= 10, "sent " + sent + " frames in 10 windows");
    }

    @Test
    void withoutRoomAFrameWaitsAndIsDueAtOnce() {
        assertNull(coalescer.offer("bob", 1, "bob online", 0, false));
        assertEquals(List.of("bob online"), coalescer.due(1, Integer.MAX_VALUE));
    }

    @Test
    void aFlushTakesNoMoreThanTheRoomThereIsAndTheRestKeepsWaiting() {
        for (int i = 0; i < 5; i++) {
            coalescer.offer("u" + i, 1, "u" + i + " online", 0, false);
        }
        assertEquals(2, coalescer.due(1, 2).size());
        assertEquals(3, coalescer.due(2, 10).size());
        assertEquals(List.of(), coalescer.due(3, 10));
    }

    @Test
    void anOlderTransitionThatArrivesLateIsIgnored() {
        coalescer.offer("bob", 5, "bob online", 0, true);
        assertNull(coalescer.offer("bob", 4, "bob offline", 2 * WINDOW, true));
        assertTrue(coalescer.nextDueMillis().isEmpty());
    }
}
