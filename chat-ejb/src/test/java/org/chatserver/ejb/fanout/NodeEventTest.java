package org.chatserver.ejb.fanout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NodeEventTest {

    @Test
    void aMessageSurvivesTheBusWithAFrameThatHoldsNewlines() {
        NodeDelivery sent = new NodeDelivery("c-1", 42, "{\"body\":\"two\nlines\"}");
        assertEquals(sent, NodeEvent.decode(sent.encode()));
    }

    @Test
    void channelFramesAndSubscriptionChangesSurviveTheBus() {
        ChannelFrame frame = new ChannelFrame("c-1", "{\"op\":\"member\"}");
        SubscriptionChange leave = new SubscriptionChange(false, "acme", "bob", "c-1");
        assertEquals(frame, NodeEvent.decode(frame.encode()));
        assertEquals(leave, NodeEvent.decode(leave.encode()));
    }

    @Test
    void refusesWhatIsNotAnEvent() {
        assertThrows(IllegalArgumentException.class, () -> NodeEvent.decode("no separators"));
        assertThrows(IllegalArgumentException.class, () -> NodeEvent.decode("X\na"));
        assertThrows(IllegalArgumentException.class, () -> NodeEvent.decode("M\nc-1\n42"));
    }

    @Test
    void toStringNeverShowsTheMessage() {
        assertFalse(new NodeDelivery("c", 1, "{\"body\":\"secret\"}").toString().contains("secret"));
    }
}
