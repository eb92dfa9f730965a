package org.chatserver.ejb.fanout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NodeDeliveryTest {

    @Test
    void survivesTheBusWithAFrameThatHoldsNewlines() {
        NodeDelivery sent = new NodeDelivery("c-1", 42, "{\"body\":\"two\nlines\"}");
        assertEquals(sent, NodeDelivery.decode(sent.encode()));
    }

    @Test
    void refusesWhatIsNotADelivery() {
        assertThrows(IllegalArgumentException.class, () -> NodeDelivery.decode("no separators"));
    }

    @Test
    void toStringNeverShowsTheFrame() {
        assertFalse(new NodeDelivery("c", 1, "{\"body\":\"secret\"}").toString().contains("secret"));
    }
}
