package org.chatserver.bench.report;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LoopbackRoundTripTest {

    @Test
    void measuresEveryRoundTripAfterTheWarmUpOnThisMachinesLoopback() {
        LoopbackRoundTrip trip = LoopbackRoundTrip.measure();

        assertNotNull(trip, "the probe could not carry a byte over 127.0.0.1 and back");
        assertTrue(trip.samples() > 0 && trip.samples() <= LoopbackRoundTrip.SAMPLES, "samples " + trip.samples());
        assertTrue(trip.p50Micros() > 0, "p50 " + trip.p50Micros());
        assertTrue(trip.p99Micros() >= trip.p50Micros(), trip.toString());
    }
}
