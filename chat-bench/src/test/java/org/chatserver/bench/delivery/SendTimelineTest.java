package org.chatserver.bench.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class SendTimelineTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long START = 5 * SECOND;

    @Test
    void latenciesCountInTheSecondTheirMessageWasSentEvenWhenTheyArriveLater() {
        SendTimeline timeline = new SendTimeline(START);
        timeline.sent(START + 100_000_000L);
        timeline.delivery(START + 100_000_000L, 4_000);
        timeline.sent(START + 2 * SECOND + 10);
        timeline.ack(START + 2 * SECOND + 10, 1_500_000);
        timeline.delivery(START + 2 * SECOND + 10, 1_800_000);

        List<SendTimeline.SecondSummary> seconds = timeline.seconds();

        assertEquals(3, seconds.size(), "seconds 0 to the last second with a send, the quiet one included");
        assertEquals(1, seconds.get(0).sent());
        assertEquals(4.0, seconds.get(0).delivery().p99(), 0.05);
        assertEquals(0, seconds.get(1).sent());
        assertEquals(LatencySummary.EMPTY, seconds.get(1).delivery());
        assertEquals(1_800, seconds.get(2).delivery().p99(), 18);
        assertEquals(1_500, seconds.get(2).ack().p99(), 15);
    }

    @Test
    void sendsBeforeTheStartOrPastTheLastSecondAreKeptAtTheEnds() {
        SendTimeline timeline = new SendTimeline(START);
        timeline.sent(START - SECOND);
        timeline.sent(START + (SendTimeline.MAX_SECONDS + 10) * SECOND);

        List<SendTimeline.SecondSummary> seconds = timeline.seconds();

        assertEquals(SendTimeline.MAX_SECONDS, seconds.size());
        assertEquals(1, seconds.get(0).sent());
        assertEquals(1, seconds.get(SendTimeline.MAX_SECONDS - 1).sent());
    }
}
