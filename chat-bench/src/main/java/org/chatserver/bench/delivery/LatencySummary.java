package org.chatserver.bench.delivery;

import org.HdrHistogram.Histogram;

/**
 * Percentiles of one latency histogram, in milliseconds. Immutable.
 *
 * @param count values recorded
 * @param p50   median
 * @param p90   90th percentile
 * @param p99   99th percentile
 * @param p999  99.9th percentile
 * @param max   largest value
 * @param mean  arithmetic mean
 */
public record LatencySummary(long count, double p50, double p90, double p99, double p999, double max, double mean) {

    /** The largest latency the bench's histograms tell apart, in microseconds (an hour); larger values count as it. */
    public static final long HIGHEST_MICROS = 3_600_000_000L;

    /** The summary of no values. */
    public static final LatencySummary EMPTY = new LatencySummary(0, 0, 0, 0, 0, 0, 0);

    /** @param micros a histogram of microseconds */
    public static LatencySummary ofMicros(Histogram micros) {
        if (micros.getTotalCount() == 0) {
            return EMPTY;
        }
        return new LatencySummary(micros.getTotalCount(), ms(micros.getValueAtPercentile(50)),
                ms(micros.getValueAtPercentile(90)), ms(micros.getValueAtPercentile(99)),
                ms(micros.getValueAtPercentile(99.9)), ms(micros.getMaxValue()), round(micros.getMean() / 1000.0));
    }

    private static double ms(long micros) {
        return round(micros / 1000.0);
    }

    private static double round(double ms) {
        return Math.round(ms * 100.0) / 100.0;
    }
}
