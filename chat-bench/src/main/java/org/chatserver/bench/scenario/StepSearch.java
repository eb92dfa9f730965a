package org.chatserver.bench.scenario;

import java.util.List;
import java.util.Optional;

/**
 * The stepped-rate search of the throughput scenario: which rates to try, and the highest that passed. Pure.
 */
final class StepSearch {

    private StepSearch() {
    }

    /**
     * @param steps the steps run, in the order run (rising rates)
     * @return the highest offered rate that passed such that no lower rate failed before it, if any
     */
    static Optional<StepResult> highestPassing(List<StepResult> steps) {
        StepResult best = null;
        for (StepResult step : steps) {
            if (!step.passed()) {
                break;
            }
            if (best == null || step.offeredPerSecond() > best.offeredPerSecond()) {
                best = step;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * @param rates the rates to try, e.g. {@code 100,250,500}
     * @return them sorted ascending, without duplicates
     * @throws IllegalArgumentException if a rate is not positive
     */
    static List<Integer> rates(List<Integer> rates) {
        for (int r : rates) {
            if (r <= 0) {
                throw new IllegalArgumentException("rates must be positive: " + r);
            }
        }
        return rates.stream().distinct().sorted().toList();
    }

    /** @return nanoseconds after the step's start at which send {@code i} is due at {@code ratePerSecond} */
    static long dueNanos(long i, int ratePerSecond) {
        return i * 1_000_000_000L / ratePerSecond;
    }
}
