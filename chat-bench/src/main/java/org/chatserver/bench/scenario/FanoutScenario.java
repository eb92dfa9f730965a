package org.chatserver.bench.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.chatserver.bench.client.ChatMember;
import org.chatserver.bench.delivery.DeliveryLedger;
import org.chatserver.bench.delivery.DeliveryWindow;
import org.chatserver.bench.delivery.LedgerEvents;
import org.chatserver.bench.delivery.LatencySummary;
import org.chatserver.bench.report.Chart;
import org.chatserver.bench.report.Target;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code fanout}: one public channel with N online members and one more member that sends M messages I ms apart
 * over its WebSocket. Measures every delivery (send to receive, per receiving connection), per message the time
 * until the last member had it, and missing and duplicate deliveries. The sender's own echo is not counted.
 *
 * <p>Runs on the picocli thread; frames are counted on the Netty threads through the thread-safe ledger.
 */
@Command(name = "fanout", mixinStandardHelpOptions = true,
        description = "One channel, N online members, one sender: per-delivery latency and time to the last member.")
public final class FanoutScenario implements Callable<Integer> {

    @Mixin
    BenchOptions options;

    @Spec
    CommandSpec spec;

    @Option(names = {"-n", "--members"}, defaultValue = "1000",
            description = "Online members besides the sender (default: ${DEFAULT-VALUE}).")
    int members;

    @Option(names = {"-m", "--messages"}, defaultValue = "100",
            description = "Messages the sender sends (default: ${DEFAULT-VALUE}).")
    int messages;

    @Option(names = {"-i", "--interval-ms"}, defaultValue = "100",
            description = "Milliseconds between two sends; the server allows 20 sends/s per user (default: "
                    + "${DEFAULT-VALUE}).")
    int intervalMillis;

    @Option(names = "--drain-seconds", defaultValue = "30",
            description = "Longest wait for the last deliveries after the last send (default: ${DEFAULT-VALUE}).")
    int drainSeconds;

    @Option(names = "--settle-seconds", defaultValue = "3",
            description = "Pause after all members connected, before the first send (default: ${DEFAULT-VALUE}).")
    int settleSeconds;

    @Override
    public Integer call() throws Exception {
        try (BenchRun run = new BenchRun(options, "fanout", CommandLines.of(spec))) {
            return execute(run);
        }
    }

    private int execute(BenchRun run) throws Exception {
        DeliveryLedger ledger = new DeliveryLedger();
        LedgerEvents events = new LedgerEvents(ledger);
        List<String> users = new ArrayList<>();
        users.add("sender");
        for (int i = 0; i < members; i++) {
            users.add("m" + i);
        }
        List<ChatMember> all = run.members(users, i -> events);
        ChatMember sender = all.get(0);
        String channel = run.channel(sender, all.subList(1, all.size()), "fanout-" + members);
        run.progress.line("fanout", "channel with " + (members + 1) + " members");
        int failed = run.connectAll(all);
        Thread.sleep(settleSeconds * 1000L);

        DeliveryWindow window = new DeliveryWindow("fanout");
        int receivers = members - failed;
        run.startProfile("fanout-n" + members);
        long t0 = System.nanoTime();
        try (AutoCloseable ticker = run.progress.every(2000, "fanout", () -> String.format(Locale.ROOT,
                "sent %d, acked %d, delivered %d/%d, complete %d, delivery p99 %.1f ms", window.sent(),
                window.acked(), window.delivered(), window.expectedDeliveries(), window.completeMessages(),
                window.deliveryLatency().p99()))) {
            for (int k = 0; k < messages; k++) {
                long due = t0 + k * intervalMillis * 1_000_000L;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                String id = "f-" + k;
                ledger.sent(id, window, receivers, System.nanoTime());
                sender.send(channel, id, "fanout message " + k);
            }
            DeliveryLedger.awaitDelivered(window, Duration.ofSeconds(drainSeconds));
        }
        Map<String, Object> results = new LinkedHashMap<>();
        run.stopProfile(results);
        long missing = DeliveryLedger.missing(window);
        LatencySummary delivery = window.deliveryLatency();
        LatencySummary last = window.lastMemberLatency();
        results.put("connected_members", receivers);
        results.put("connect_failures", failed);
        results.put("sent", window.sent());
        results.put("acked", window.acked());
        results.put("expected_deliveries", window.expectedDeliveries());
        results.put("delivered", window.delivered());
        results.put("missing", missing);
        results.put("duplicates", window.duplicates());
        events.report(results);
        results.put("ack_latency_ms", window.ackLatency());
        results.put("delivery_latency_ms", delivery);
        results.put("time_to_last_member_ms", last);
        results.put("deliveries_per_second", Math.round(window.delivered() / ((System.nanoTime() - t0) / 1e9)));

        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("members", members);
        parameters.put("messages", messages);
        parameters.put("interval_ms", intervalMillis);
        parameters.put("workspace", run.workspace);

        List<Target> targets = new ArrayList<>();
        if (members >= 5000) {
            targets.add(Targets.below("fanout N=" + members + ": time to last member p99", last.p99(), 200, "ms"));
        }
        if (members >= 10_000) {
            targets.add(Targets.zero("fanout N=" + members + ": missing deliveries", missing + failed));
        }
        String summary = String.format(Locale.ROOT,
                "fanout N=%d M=%d I=%dms: delivery p50 %.1f p90 %.1f p99 %.1f max %.1f ms; last member p50 %.1f "
                        + "p99 %.1f max %.1f ms; missing %d, duplicates %d, connect failures %d",
                members, messages, intervalMillis, delivery.p50(), delivery.p90(), delivery.p99(), delivery.max(),
                last.p50(), last.p99(), last.max(), missing, window.duplicates(), failed);
        Chart chart = new Chart("fanout: " + members + " members, " + messages + " messages every " + intervalMillis
                + " ms", "percentile (log scale of 1/(1-p))", "latency (ms)").logX();
        addPercentiles(chart, "delivery (per member)", window.deliveryHistogram());
        addPercentiles(chart, "time to last member (per message)", window.lastMemberHistogram());
        run.finish("fanout-n" + members, parameters, results, targets, summary, chart);
        return missing == 0 && failed == 0 ? 0 : 1;
    }

    /** Adds a percentile distribution line (x = 1/(1-p), so that 90, 99, 99.9 % are evenly spaced). */
    static void addPercentiles(Chart chart, String name, Histogram micros) {
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        if (micros.getTotalCount() > 0) {
            for (HistogramIterationValue v : micros.percentiles(5)) {
                double p = v.getPercentileLevelIteratedTo();
                if (p >= 100.0) {
                    break;
                }
                x.add(1.0 / (1.0 - p / 100.0));
                y.add(v.getValueIteratedTo() / 1000.0);
            }
        }
        chart.line(name, x.stream().mapToDouble(Double::doubleValue).toArray(),
                y.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
