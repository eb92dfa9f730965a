package org.chatserver.bench.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DeliveryLedgerTest {

    private static final long MS = 1_000_000L;

    @Test
    void deliveriesAreTimedFromTheSendAndTheLastMemberCompletesTheMessage() {
        DeliveryLedger ledger = new DeliveryLedger();
        DeliveryWindow window = new DeliveryWindow("w");
        ledger.sent("a", window, 3, 0);
        ledger.acked("a", 2 * MS);
        ledger.delivered("a", 5 * MS);
        ledger.delivered("a", 7 * MS);
        assertEquals(1, DeliveryLedger.missing(window));
        assertEquals(0, window.completeMessages());
        ledger.delivered("a", 9 * MS);
        ledger.duplicate("a");

        assertEquals(0, DeliveryLedger.missing(window));
        assertEquals(1, window.completeMessages());
        assertEquals(1, window.duplicates());
        assertEquals(3, window.deliveryLatency().count());
        assertEquals(7.0, window.deliveryLatency().p50(), 0.01);
        assertEquals(9.0, window.deliveryLatency().max(), 0.01);
        assertEquals(9.0, window.lastMemberLatency().max(), 0.01);
        assertEquals(2.0, window.ackLatency().p99(), 0.01);
    }

    @Test
    void eachMessageCountsInItsOwnWindowAndUnknownIdsAreIgnored() {
        DeliveryLedger ledger = new DeliveryLedger();
        DeliveryWindow first = new DeliveryWindow("1");
        DeliveryWindow second = new DeliveryWindow("2");
        ledger.sent("x", first, 2, 0);
        ledger.sent("y", second, 2, 0);
        ledger.delivered("x", MS);
        ledger.delivered("y", MS);
        ledger.delivered("y", MS);
        ledger.delivered("unknown", MS);
        ledger.error("y");

        assertEquals(1, DeliveryLedger.missing(first));
        assertEquals(0, DeliveryLedger.missing(second));
        assertEquals(1, second.errors());
        assertEquals(4, first.expectedDeliveries() + second.expectedDeliveries() - 0 * 0);
    }

    @Test
    void anEmptyWindowSummarisesToZeros() {
        assertEquals(LatencySummary.EMPTY, new DeliveryWindow("e").deliveryLatency());
    }
}
