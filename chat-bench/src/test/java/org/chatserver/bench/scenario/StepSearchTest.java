package org.chatserver.bench.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.chatserver.bench.delivery.LatencySummary;
import org.chatserver.bench.delivery.SendTimeline.SecondSummary;
import org.junit.jupiter.api.Test;

class StepSearchTest {

    private static StepResult step(int rate, double p99, long missing) {
        LatencySummary d = new LatencySummary(10, 1, 2, p99, p99, p99, 1);
        return new StepResult(rate, rate, rate, rate, d, d, missing, 0, 0, StepResult.passes(d, missing, 0, 0, 200),
                List.of());
    }

    @Test
    void theHighestPassingRateBeforeTheFirstFailureIsReported() {
        assertEquals(500, StepSearch.highestPassing(List.of(step(100, 10, 0), step(500, 150, 0), step(1000, 250, 0),
                step(1500, 20, 0))).orElseThrow().offeredPerSecond());
        assertEquals(100, StepSearch.highestPassing(List.of(step(100, 10, 0), step(500, 10, 1)))
                .orElseThrow().offeredPerSecond());
        assertTrue(StepSearch.highestPassing(List.of(step(100, 200, 0))).isEmpty());
    }

    @Test
    void aStepPassesOnlyUnderTheLimitWithNothingMissingEverySendAckedAndNoErrors() {
        LatencySummary ok = new LatencySummary(5, 1, 1, 199.9, 199.9, 199.9, 1);
        assertTrue(StepResult.passes(ok, 0, 0, 0, 200));
        assertFalse(StepResult.passes(ok, 1, 0, 0, 200));
        assertFalse(StepResult.passes(ok, 0, 1, 0, 200), "a send never acked was not made durable");
        assertFalse(StepResult.passes(ok, 0, 0, 1, 200));
        assertFalse(StepResult.passes(LatencySummary.EMPTY, 0, 0, 0, 200));
    }

    @Test
    void theDurableRateIsTheOfferedRateOfAStepWhoseEverySendWasAckedNotTheAcksCountedWhileSending() {
        LatencySummary d = new LatencySummary(10, 1, 2, 150, 150, 150, 1);
        StepResult allAcked = new StepResult(2000, 20000, 1998, 17982, d, d, 0, 0, 0, true, List.of());

        assertTrue(ThroughputScenario.durableRate("100x10", Optional.of(allAcked)).met());
        assertFalse(ThroughputScenario.durableRate("100x10", Optional.of(step(1500, 150, 0))).met());
        assertFalse(ThroughputScenario.durableRate("100x10", Optional.empty()).met());
    }

    @Test
    void aStallShowsAsTheSlowestSecondAndTheSecondsOverTheLimit() {
        LatencySummary steady = new LatencySummary(100, 10, 20, 30, 40, 50, 12);
        LatencySummary stalled = new LatencySummary(100, 400, 600, 900, 950, 990, 450);
        List<SecondSummary> seconds = List.of(new SecondSummary(0, 100, steady, steady),
                new SecondSummary(1, 100, steady, stalled), new SecondSummary(2, 0, LatencySummary.EMPTY,
                        LatencySummary.EMPTY), new SecondSummary(3, 100, steady, steady));
        StepResult step = new StepResult(100, 300, 100, 900, steady, stalled, 0, 0, 0, false, seconds);

        assertEquals(1, step.slowestSecond().orElseThrow().second());
        assertEquals(1, step.secondsOver(200));
        assertEquals(3, step.secondsOver(30));
        assertTrue(step(100, 10, 0).slowestSecond().isEmpty());
    }

    @Test
    void ratesAreSortedAndSendsEvenlySpaced() {
        assertEquals(List.of(100, 250, 500), StepSearch.rates(List.of(500, 100, 250, 100)));
        assertThrows(IllegalArgumentException.class, () -> StepSearch.rates(List.of(0)));
        assertEquals(0, StepSearch.dueNanos(0, 500));
        assertEquals(2_000_000, StepSearch.dueNanos(1, 500));
        assertEquals(1_000_000_000, StepSearch.dueNanos(500, 500));
    }

    @Test
    void missedTargetsSayByHowMuch() {
        assertEquals("missed by 50 ms (1.25x)", Targets.below("x", 250, 200, "ms").gap());
        assertTrue(Targets.below("x", 150, 200, "ms").met());
        assertEquals("missed by 1500 msg/s (25 % of the goal)", Targets.atLeast("y", 500, 2000, "msg/s").gap());
        assertFalse(Targets.zero("z", 3).met());
    }
}
