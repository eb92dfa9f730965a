package org.chatserver.bench.delivery;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * The measurements of one window (a fanout run, one step of the throughput scenario): counters and latency
 * histograms in microseconds. Recording is thread-safe and wait-free (concurrent histograms, atomic counters); the
 * {@code copy} methods give consistent-enough snapshots for progress lines and final reports.
 */
public final class DeliveryWindow {

    private final String name;
    private final Histogram ack = new ConcurrentHistogram(LatencySummary.HIGHEST_MICROS, 3);
    private final Histogram delivery = new ConcurrentHistogram(LatencySummary.HIGHEST_MICROS, 3);
    private final Histogram lastMember = new ConcurrentHistogram(LatencySummary.HIGHEST_MICROS, 3);
    final AtomicLong sent = new AtomicLong();
    final AtomicLong acked = new AtomicLong();
    final AtomicLong expectedDeliveries = new AtomicLong();
    final AtomicLong delivered = new AtomicLong();
    final AtomicLong duplicates = new AtomicLong();
    final AtomicLong errors = new AtomicLong();
    final AtomicLong complete = new AtomicLong();
    private final SendTimeline timeline = new SendTimeline(System.nanoTime());

    /** @param name the window's name in reports; its timeline starts now */
    public DeliveryWindow(String name) {
        this.name = name;
    }

    /** @return the window's name */
    public String name() {
        return name;
    }

    void recordSent(int expectedRecipients, long sentNanos) {
        sent.incrementAndGet();
        expectedDeliveries.addAndGet(expectedRecipients);
        timeline.sent(sentNanos);
    }

    void recordAck(long sentNanos, long micros) {
        ack.recordValue(clamp(micros));
        acked.incrementAndGet();
        timeline.ack(sentNanos, clamp(micros));
    }

    void recordDelivery(long sentNanos, long micros) {
        delivery.recordValue(clamp(micros));
        delivered.incrementAndGet();
        timeline.delivery(sentNanos, clamp(micros));
    }

    void recordLastMember(long micros) {
        lastMember.recordValue(clamp(micros));
        complete.incrementAndGet();
    }

    private static long clamp(long micros) {
        return Math.max(0, Math.min(micros, LatencySummary.HIGHEST_MICROS));
    }

    /** @return messages sent */
    public long sent() {
        return sent.get();
    }

    /** @return acks received */
    public long acked() {
        return acked.get();
    }

    /** @return deliveries expected: for each message sent, the connections that must get it */
    public long expectedDeliveries() {
        return expectedDeliveries.get();
    }

    /** @return first, in-order deliveries received */
    public long delivered() {
        return delivered.get();
    }

    /** @return deliveries of a seq the connection already had */
    public long duplicates() {
        return duplicates.get();
    }

    /** @return error frames answering a send of this window */
    public long errors() {
        return errors.get();
    }

    /** @return messages that reached every connection they had to */
    public long completeMessages() {
        return complete.get();
    }

    /** @return ack latency (send to ack) */
    public LatencySummary ackLatency() {
        return LatencySummary.ofMicros(ack.copy());
    }

    /** @return delivery latency (send to receive), one value per delivery */
    public LatencySummary deliveryLatency() {
        return LatencySummary.ofMicros(delivery.copy());
    }

    /** @return per message, the time from its send until the last connection had it */
    public LatencySummary lastMemberLatency() {
        return LatencySummary.ofMicros(lastMember.copy());
    }

    /** @return ack and delivery latencies per second of send time, from the window's start */
    public List<SendTimeline.SecondSummary> timeline() {
        return timeline.seconds();
    }

    /** @return a copy of the delivery histogram (microseconds), for charts */
    public Histogram deliveryHistogram() {
        return delivery.copy();
    }

    /** @return a copy of the time-to-last-member histogram (microseconds), for charts */
    public Histogram lastMemberHistogram() {
        return lastMember.copy();
    }
}
