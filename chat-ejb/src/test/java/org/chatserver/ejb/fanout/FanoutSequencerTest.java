package org.chatserver.ejb.fanout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.api.Test;

class FanoutSequencerTest {

    private final FanoutSequencer sequencer = new FanoutSequencer(2);

    @Test
    void firstMessageOfAnUnseenChannelIsDelivered() {
        assertInstanceOf(FanoutSequencer.Deliver.class, sequencer.admit("c", 7));
    }

    @Test
    void nextSeqIsDeliveredAndRepeatsAreDropped() {
        sequencer.admit("c", 1);
        assertInstanceOf(FanoutSequencer.Deliver.class, sequencer.admit("c", 2));
        assertInstanceOf(FanoutSequencer.Drop.class, sequencer.admit("c", 2));
        assertInstanceOf(FanoutSequencer.Drop.class, sequencer.admit("c", 1));
    }

    @Test
    void aMessageAfterAGapAsksForTheMissingOnesAndLateOnesAreThenDropped() {
        sequencer.admit("c", 1);
        FanoutSequencer.Admission admission = sequencer.admit("c", 4);
        assertEquals(new FanoutSequencer.FillGap(1), admission);
        assertInstanceOf(FanoutSequencer.Drop.class, sequencer.admit("c", 3));
        assertInstanceOf(FanoutSequencer.Deliver.class, sequencer.admit("c", 5));
    }

    @Test
    void channelsAreIndependent() {
        sequencer.admit("a", 5);
        assertInstanceOf(FanoutSequencer.Deliver.class, sequencer.admit("b", 1));
        assertInstanceOf(FanoutSequencer.Deliver.class, sequencer.admit("a", 6));
    }

    @Test
    void theLeastRecentlyUsedChannelIsForgottenBeyondCapacity() {
        sequencer.admit("a", 5);
        sequencer.admit("b", 1);
        sequencer.admit("c", 1);
        // "a" was evicted: its next message is taken as the first one seen.
        assertInstanceOf(FanoutSequencer.Deliver.class, sequencer.admit("a", 3));
    }
}
