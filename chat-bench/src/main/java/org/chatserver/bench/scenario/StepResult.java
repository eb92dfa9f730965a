package org.chatserver.bench.scenario;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.chatserver.bench.delivery.LatencySummary;
import org.chatserver.bench.delivery.SendTimeline.SecondSummary;

/**
 * One step of the throughput scenario. Immutable.
 *
 * @param offeredPerSecond  the open-loop send rate of the step
 * @param sent              messages sent
 * @param ackedPerSecond    acks received during the step's sending time, per second
 * @param deliveredPerSecond deliveries received during the step's sending time, per second
 * @param ackLatency        send to ack
 * @param deliveryLatency   send to receive, per delivery
 * @param missing           deliveries that had not arrived after the drain time
 * @param unacked           sends answered by neither an ack nor an error after the drain time
 * @param errors            error frames answering sends (rate_limited, unavailable, ...)
 * @param passed            delivery p99 under the limit, nothing missing, every send acked
 * @param timeline          ack and delivery latencies per second of send time, to tell a stall from a steady queue
 */
public record StepResult(int offeredPerSecond, long sent, double ackedPerSecond, double deliveredPerSecond,
        LatencySummary ackLatency, LatencySummary deliveryLatency, long missing, long unacked, long errors,
        boolean passed, List<SecondSummary> timeline) {

    /** @return the second whose messages had the highest delivery p99, if any message was delivered */
    public Optional<SecondSummary> slowestSecond() {
        return timeline.stream().filter(s -> s.delivery().count() > 0)
                .max(Comparator.comparingDouble(s -> s.delivery().p99()));
    }

    /** @return how many seconds' messages had a delivery p99 of {@code limitMillis} or more */
    public long secondsOver(double limitMillis) {
        return timeline.stream().filter(s -> s.delivery().p99() >= limitMillis).count();
    }

    /**
     * @return whether a step with these figures passes: p99 below {@code p99LimitMillis}, nothing missing, every send
     *         acked (none refused, none unanswered), so its offered rate was sustained as durable messages
     */
    public static boolean passes(LatencySummary delivery, long missing, long unacked, long errors,
            double p99LimitMillis) {
        return missing == 0 && unacked == 0 && errors == 0 && delivery.count() > 0 && delivery.p99() < p99LimitMillis;
    }
}
