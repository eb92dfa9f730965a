package org.chatserver.web.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

class BoundedOutboundQueueTest {

    /** A socket that accepts the first write and then stalls, like a client that stopped reading. */
    private final List<String> written = new ArrayList<>();
    private final List<Consumer<Boolean>> pending = new ArrayList<>();
    private final BoundedOutboundQueue queue = new BoundedOutboundQueue(3, (frame, done) -> {
        written.add(frame);
        pending.add(done);
    });

    @Test
    void framesAreWrittenInOrderOneAtATime() {
        queue.offer("m1");
        queue.offer("m2");
        assertEquals(List.of("m1"), written);
        pending.remove(0).accept(true);
        assertEquals(List.of("m1", "m2"), written);
    }

    @Test
    void aFullQueueOfMessagesRefusesTheNextMessage() {
        queue.offer("in flight");
        assertTrue(queue.offer("m1") && queue.offer("m2") && queue.offer("m3"));
        assertFalse(queue.offer("m4"));
    }

    @Test
    void whenFullEphemeralFramesAreDroppedFirst() {
        queue.offer("in flight");
        queue.offer("m1");
        queue.offerEphemeral("typing");
        queue.offer("m2");
        assertTrue(queue.offerEphemeral("presence"), "an ephemeral frame never closes the connection");
        assertTrue(queue.offer("m3"), "a message evicts the waiting typing frame");
        assertFalse(queue.offer("m4"), "then the queue is full of messages");
        drain();
        assertEquals(List.of("in flight", "m1", "m2", "m3"), written);
    }

    @Test
    void spareRoomForOptionalFramesLeavesTheReserveFree() {
        queue.offer("in flight");
        assertEquals(2, queue.spareBeyond(1));
        queue.offer("m1");
        assertEquals(1, queue.spareBeyond(1));
        queue.offer("m2");
        assertEquals(0, queue.spareBeyond(1));
        queue.close();
        assertEquals(0, queue.spareBeyond(0));
    }

    private void drain() {
        while (!pending.isEmpty()) {
            pending.remove(0).accept(true);
        }
    }
}
