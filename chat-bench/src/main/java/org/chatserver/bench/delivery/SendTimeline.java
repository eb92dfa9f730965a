package org.chatserver.bench.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * A window's latencies per second of send time: each ack and delivery counts in the second its message was sent, so a
 * stall of the server shows as the seconds whose messages waited, not smeared over a whole step. Seconds past
 * {@link #MAX_SECONDS} count in the last one. Recording is thread-safe; a second's histograms are made by the first
 * value it gets. Values are clamped by the caller to {@link LatencySummary#HIGHEST_MICROS}.
 */
public final class SendTimeline {

    /** Longest window the timeline tells apart, in seconds (an hour; steps are far shorter). */
    public static final int MAX_SECONDS = 3_600;

    /** Two significant digits: a per-second view needs the magnitude, not the third digit. */
    private static final int DIGITS = 2;

    private final long startNanos;
    private final AtomicLongArray sent = new AtomicLongArray(MAX_SECONDS);
    private final AtomicReferenceArray<Histogram> acks = new AtomicReferenceArray<>(MAX_SECONDS);
    private final AtomicReferenceArray<Histogram> deliveries = new AtomicReferenceArray<>(MAX_SECONDS);

    /** @param startNanos {@link System#nanoTime()} of second 0 */
    SendTimeline(long startNanos) {
        this.startNanos = startNanos;
    }

    void sent(long sentNanos) {
        sent.incrementAndGet(second(sentNanos));
    }

    void ack(long sentNanos, long micros) {
        histogram(acks, second(sentNanos)).recordValue(micros);
    }

    void delivery(long sentNanos, long micros) {
        histogram(deliveries, second(sentNanos)).recordValue(micros);
    }

    private int second(long sentNanos) {
        long s = TimeUnit.NANOSECONDS.toSeconds(sentNanos - startNanos);
        return (int) Math.max(0, Math.min(s, MAX_SECONDS - 1));
    }

    private Histogram histogram(AtomicReferenceArray<Histogram> seconds, int second) {
        Histogram h = seconds.get(second);
        if (h == null) {
            seconds.compareAndSet(second, null, new ConcurrentHistogram(LatencySummary.HIGHEST_MICROS, DIGITS));
            h = seconds.get(second);
        }
        return h;
    }

    /** @return one summary per second from 0 to the last second anything was sent in */
    public List<SecondSummary> seconds() {
        int last = -1;
        for (int s = 0; s < MAX_SECONDS; s++) {
            if (sent.get(s) > 0) {
                last = s;
            }
        }
        List<SecondSummary> out = new ArrayList<>(last + 1);
        for (int s = 0; s <= last; s++) {
            out.add(new SecondSummary(s, sent.get(s), summary(acks.get(s)), summary(deliveries.get(s))));
        }
        return out;
    }

    private static LatencySummary summary(Histogram h) {
        return h == null ? LatencySummary.EMPTY : LatencySummary.ofMicros(h.copy());
    }

    /**
     * The messages sent in one second of the window.
     *
     * @param second   seconds since the window began
     * @param sent     messages sent in it
     * @param ack      their ack latencies
     * @param delivery their delivery latencies, one value per delivery
     */
    public record SecondSummary(int second, long sent, LatencySummary ack, LatencySummary delivery) {
    }
}
