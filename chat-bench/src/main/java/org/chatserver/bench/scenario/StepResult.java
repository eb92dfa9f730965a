package org.chatserver.bench.scenario;

import org.chatserver.bench.delivery.LatencySummary;

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
 * @param errors            error frames answering sends (rate_limited, unavailable, ...)
 * @param passed            delivery p99 under the limit, nothing missing, no errors
 */
public record StepResult(int offeredPerSecond, long sent, double ackedPerSecond, double deliveredPerSecond,
        LatencySummary ackLatency, LatencySummary deliveryLatency, long missing, long errors, boolean passed) {

    /** @return whether a step with these figures passes: p99 below {@code p99LimitMillis}, nothing missing */
    public static boolean passes(LatencySummary delivery, long missing, long errors, double p99LimitMillis) {
        return missing == 0 && errors == 0 && delivery.count() > 0 && delivery.p99() < p99LimitMillis;
    }
}
