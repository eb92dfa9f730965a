package org.chatserver.ejb.fanout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.chatserver.ejb.presence.PresenceState;
import org.chatserver.ejb.presence.PresenceTransition;
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
    void signalsAndPresenceChangesSurviveTheBus() {
        ChannelSignal typing = new ChannelSignal("c-1", "bob", true, "{\"op\":\"typing\"}");
        PresenceChange online = new PresenceChange(
                new PresenceTransition("acme", "bob", PresenceState.ONLINE, 1_700_000_000_000_001L),
                List.of("c-1", "c-2"), List.of());
        PresenceChange away = new PresenceChange(
                new PresenceTransition("acme", "bob", PresenceState.AWAY, 2), List.of(), List.of("big"));
        assertEquals(typing, NodeEvent.decode(typing.encode()));
        assertEquals(online, NodeEvent.decode(online.encode()));
        assertEquals(away, NodeEvent.decode(away.encode()));
    }

    @Test
    void aChannelsMessagesFramesSignalsAndSubscriptionsShareAnOrderingKey() {
        List<NodeEvent> events = List.of(new NodeDelivery("c-1", 1, "{}"), new ChannelFrame("c-1", "{}"),
                new ChannelSignal("c-1", "bob", true, "{}"), new SubscriptionChange(true, "acme", "bob", "c-1"));
        assertEquals(1, events.stream().map(NodeEvent::orderingKey).distinct().count());
        PresenceChange acmeBob = new PresenceChange(new PresenceTransition("acme", "bob", PresenceState.AWAY, 1),
                List.of("c-1"), List.of());
        PresenceChange otherBob = new PresenceChange(new PresenceTransition("other", "bob", PresenceState.AWAY, 1),
                List.of("c-1"), List.of());
        assertNotEquals(acmeBob.orderingKey(), otherBob.orderingKey(), "presence is ordered per user");
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
