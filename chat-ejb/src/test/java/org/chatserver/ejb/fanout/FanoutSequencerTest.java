package org.chatserver.ejb.fanout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

class FanoutSequencerTest {

    private static final Function<String, OptionalLong> NOTHING_STORED = channel -> OptionalLong.empty();

    private final FanoutSequencer sequencer = new FanoutSequencer(2, 100);

    @Test
    void aNewChannelStartsAtOneEvenWhenALaterMessageComesFirst() {
        assertEquals(new FanoutSequencer.FillGap(0), sequencer.admit("c", 10, NOTHING_STORED));
        assertInstanceOf(FanoutSequencer.Drop.class, sequencer.admit("c", 1, NOTHING_STORED));
        assertInstanceOf(FanoutSequencer.Deliver.class, sequencer.admit("c", 11, NOTHING_STORED));
    }

    @Test
    void aChannelNotInMemoryContinuesFromItsStoredPosition() {
        Function<String, OptionalLong> stored = channel -> OptionalLong.of(Map.of("c", 41L).get(channel));
        assertInstanceOf(FanoutSequencer.Deliver.class, sequencer.admit("c", 42, stored));
        assertInstanceOf(FanoutSequencer.Drop.class, sequencer.admit("c", 40, stored));
    }

    @Test
    void nextSeqIsDeliveredAndRepeatsAreDropped() {
        sequencer.admit("c", 1, NOTHING_STORED);
        assertInstanceOf(FanoutSequencer.Deliver.class, sequencer.admit("c", 2, NOTHING_STORED));
        assertInstanceOf(FanoutSequencer.Drop.class, sequencer.admit("c", 2, NOTHING_STORED));
        assertInstanceOf(FanoutSequencer.Drop.class, sequencer.admit("c", 1, NOTHING_STORED));
    }

    @Test
    void aMessageAfterAGapAsksForTheMissingOnesAndLateOnesAreThenDropped() {
        sequencer.admit("c", 1, NOTHING_STORED);
        assertEquals(new FanoutSequencer.FillGap(1), sequencer.admit("c", 4, NOTHING_STORED));
        assertInstanceOf(FanoutSequencer.Drop.class, sequencer.admit("c", 3, NOTHING_STORED));
        assertInstanceOf(FanoutSequencer.Deliver.class, sequencer.admit("c", 5, NOTHING_STORED));
    }

    @Test
    void aGapIsFilledAtMostMaxFillBack() {
        assertEquals(new FanoutSequencer.FillGap(899), sequencer.admit("c", 1000, NOTHING_STORED));
    }

    @Test
    void channelsAreIndependent() {
        sequencer.admit("a", 1, NOTHING_STORED);
        assertInstanceOf(FanoutSequencer.Deliver.class, sequencer.admit("b", 1, NOTHING_STORED));
        assertInstanceOf(FanoutSequencer.Deliver.class, sequencer.admit("a", 2, NOTHING_STORED));
    }

    @Test
    void theLeastRecentlyUsedChannelIsForgottenBeyondCapacityAndThenReadFromTheStore() {
        sequencer.admit("a", 1, NOTHING_STORED);
        sequencer.admit("b", 1, NOTHING_STORED);
        sequencer.admit("c", 1, NOTHING_STORED);
        assertInstanceOf(FanoutSequencer.Deliver.class, sequencer.admit("a", 6, channel -> OptionalLong.of(5)));
    }
}
