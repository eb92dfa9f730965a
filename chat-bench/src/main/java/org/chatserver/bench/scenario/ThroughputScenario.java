package org.chatserver.bench.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.chatserver.bench.client.ChatMember;
import org.chatserver.bench.delivery.DeliveryLedger;
import org.chatserver.bench.delivery.DeliveryWindow;
import org.chatserver.bench.delivery.LedgerEvents;
import org.chatserver.bench.report.Chart;
import org.chatserver.bench.report.Target;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code throughput}: R channels of K members, all online; an open-loop send rate stepped upwards. Sends go round
 * robin over all members (each to its own channel) on a schedule that does not wait for acks. Per step: acked/s,
 * delivered/s, ack and delivery latency, missing. Stops after the first failing step and reports the highest rate
 * whose delivery p99 stayed under the limit with nothing missing and every send acked. An unmeasured warm-up comes first: on a machine
 * shared with the server, this program's own JIT compiling its send and receive paths took a core for the first
 * seconds of the first step, and those seconds' messages waited for it, not for the server.
 *
 * <p>The sending loop runs on the picocli thread; frames are counted on Netty threads through the ledger.
 */
@Command(name = "throughput", mixinStandardHelpOptions = true,
        description = "R channels x K members, open-loop stepped send rate: highest rate with p99 < limit, 0 missing, "
                + "all acked.")
public final class ThroughputScenario implements Callable<Integer> {

    @Mixin
    BenchOptions options;

    @Spec
    CommandSpec spec;

    @Option(names = {"-r", "--channels"}, defaultValue = "100", description = "Channels (default: ${DEFAULT-VALUE}).")
    int channels;

    @Option(names = {"-k", "--members"}, defaultValue = "10",
            description = "Members per channel, all online and all sending (default: ${DEFAULT-VALUE}).")
    int membersPerChannel;

    @Option(names = "--rates", split = ",", defaultValue = "100,250,500,1000,1500,2000,2500,3000",
            description = "Offered send rates per second, tried in ascending order (default: ${DEFAULT-VALUE}).")
    List<Integer> rates;

    @Option(names = "--step-seconds", defaultValue = "10",
            description = "Sending time of each step (default: ${DEFAULT-VALUE}).")
    int stepSeconds;

    @Option(names = "--warm-up-seconds", defaultValue = "10",
            description = "Unmeasured sending before the first step, so that neither this program's JIT nor the "
                    + "server's runs in a measured step; 0 skips it (default: ${DEFAULT-VALUE}).")
    int warmUpSeconds;

    @Option(names = "--warm-up-rate", defaultValue = "500",
            description = "Send rate of the warm-up, per second (default: ${DEFAULT-VALUE}).")
    int warmUpRate;

    @Option(names = "--drain-seconds", defaultValue = "10",
            description = "Longest wait for a step's last deliveries (default: ${DEFAULT-VALUE}).")
    int drainSeconds;

    @Option(names = "--p99-limit-ms", defaultValue = "200",
            description = "A step passes when delivery p99 stays under this (default: ${DEFAULT-VALUE}).")
    double p99LimitMillis;

    @Option(names = "--keep-going", description = "Run every rate even after a step failed.")
    boolean keepGoing;

    @Override
    public Integer call() throws Exception {
        try (BenchRun run = new BenchRun(options, "throughput", CommandLines.of(spec))) {
            return execute(run);
        }
    }

    private int execute(BenchRun run) throws Exception {
        DeliveryLedger ledger = new DeliveryLedger();
        LedgerEvents events = new LedgerEvents(ledger);
        List<String> users = new ArrayList<>();
        for (int i = 0; i < channels * membersPerChannel; i++) {
            users.add("u" + i);
        }
        List<ChatMember> all = run.members(users, i -> events);
        String[] channelOf = new String[all.size()];
        for (int c = 0; c < channels; c++) {
            List<ChatMember> group = all.subList(c * membersPerChannel, (c + 1) * membersPerChannel);
            String id = run.channel(group.get(0), group.subList(1, group.size()), "throughput-" + c);
            for (ChatMember m : group) {
                channelOf[m.index()] = id;
            }
        }
        run.progress.line("throughput", channels + " channels of " + membersPerChannel + " members");
        int failed = run.connectAll(all);
        if (failed > 0) {
            run.progress.line("throughput", failed + " members could not connect; their deliveries count as missing");
        }
        Thread.sleep(2000);

        List<StepResult> steps = new ArrayList<>();
        AtomicReference<DeliveryWindow> current = new AtomicReference<>(new DeliveryWindow("idle"));
        run.startProfile("throughput");
        try (AutoCloseable ticker = run.progress.every(2000, "throughput", () -> {
            DeliveryWindow w = current.get();
            return String.format(Locale.ROOT, "%s: sent %d, acked %d, delivered %d/%d, delivery p99 %.1f ms",
                    w.name(), w.sent(), w.acked(), w.delivered(), w.expectedDeliveries(), w.deliveryLatency().p99());
        })) {
            if (warmUpSeconds > 0) {
                DeliveryWindow warmUp = new DeliveryWindow("warm-up, not measured");
                current.set(warmUp);
                runStep(ledger, warmUp, all, channelOf, warmUpRate, warmUpSeconds, "warm-up");
                run.progress.line("throughput", "warm-up done: " + warmUpSeconds + " s at " + warmUpRate + "/s");
            }
            for (int rate : StepSearch.rates(rates)) {
                DeliveryWindow window = new DeliveryWindow("rate " + rate + "/s");
                current.set(window);
                StepResult step = runStep(ledger, window, all, channelOf, rate, stepSeconds, "t" + rate);
                steps.add(step);
                run.progress.line("step", String.format(Locale.ROOT,
                        "%d/s offered: acked %.0f/s, delivered %.0f/s, ack p99 %.1f ms, delivery p50 %.1f p99 %.1f "
                                + "ms, missing %d, unacked %d, errors %d, seconds over %.0f ms %d of %d%s -> %s", rate,
                        step.ackedPerSecond(), step.deliveredPerSecond(), step.ackLatency().p99(),
                        step.deliveryLatency().p50(), step.deliveryLatency().p99(), step.missing(), step.unacked(),
                        step.errors(),
                        p99LimitMillis, step.secondsOver(p99LimitMillis), step.timeline().size(),
                        step.slowestSecond().map(s -> String.format(Locale.ROOT,
                                " (slowest: second %d, delivery p99 %.1f ms)", s.second(), s.delivery().p99()))
                                .orElse(""),
                        step.passed() ? "pass" : "FAIL"));
                if (!step.passed() && !keepGoing) {
                    break;
                }
            }
        }
        Map<String, Object> results = new LinkedHashMap<>();
        run.stopProfile(results);
        Optional<StepResult> best = StepSearch.highestPassing(steps);
        results.put("highest_passing_rate", best.map(StepResult::offeredPerSecond).orElse(0));
        results.put("highest_passing_acked_per_second", best.map(StepResult::ackedPerSecond).orElse(0.0));
        results.put("steps", steps);
        results.put("connect_failures", failed);
        events.report(results);

        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("channels", channels);
        parameters.put("members_per_channel", membersPerChannel);
        parameters.put("rates", StepSearch.rates(rates));
        parameters.put("step_seconds", stepSeconds);
        parameters.put("warm_up_seconds", warmUpSeconds);
        parameters.put("warm_up_rate", warmUpRate);
        parameters.put("p99_limit_ms", p99LimitMillis);
        parameters.put("workspace", run.workspace);

        List<Target> targets = new ArrayList<>();
        targets.add(durableRate(channels + "x" + membersPerChannel, best));
        steps.stream().filter(s -> s.offeredPerSecond() == 500).findFirst().ifPresentOrElse(s -> {
            targets.add(Targets.below("delivery at 500 msg/s: p50", s.deliveryLatency().p50(), 10, "ms"));
            targets.add(Targets.below("delivery at 500 msg/s: p99", s.deliveryLatency().p99(), 50, "ms"));
        }, () -> targets.add(new Target("delivery at 500 msg/s", "p50 < 10 ms, p99 < 50 ms", "not reached", false,
                "the run stopped below 500 msg/s")));

        String summary = String.format(Locale.ROOT,
                "throughput %dx%d: highest passing rate %d/s (acked %.0f/s), steps run %d, last step %s",
                channels, membersPerChannel, best.map(StepResult::offeredPerSecond).orElse(0),
                best.map(StepResult::ackedPerSecond).orElse(0.0), steps.size(),
                steps.isEmpty() ? "-" : steps.get(steps.size() - 1).offeredPerSecond() + "/s "
                        + (steps.get(steps.size() - 1).passed() ? "pass" : "FAIL"));
        Chart chart = new Chart("throughput: " + channels + " channels x " + membersPerChannel + " members",
                "offered rate (msg/s)", "latency (ms) / rate (msg/s / 10)");
        double[] x = steps.stream().mapToDouble(StepResult::offeredPerSecond).toArray();
        chart.line("delivery p50 (ms)", x, steps.stream().mapToDouble(s -> s.deliveryLatency().p50()).toArray());
        chart.line("delivery p99 (ms)", x, steps.stream().mapToDouble(s -> s.deliveryLatency().p99()).toArray());
        chart.line("ack p99 (ms)", x, steps.stream().mapToDouble(s -> s.ackLatency().p99()).toArray());
        chart.line("acked/s / 10", x, steps.stream().mapToDouble(s -> s.ackedPerSecond() / 10).toArray());
        run.finish("throughput-" + channels + "x" + membersPerChannel, parameters, results, targets, summary, chart);
        return best.isPresent() ? 0 : 1;
    }

    /**
     * Sends at {@code rate} for {@code seconds} with ids {@code idPrefix-i}, then waits for the deliveries, so that
     * nothing of this step is still in flight when the next one starts (the warm-up is such a step, its result
     * dropped).
     */
    /**
     * The throughput target: a passing step had every send acked, so its offered rate is the durable rate it
     * sustained. Its acked/s falls short of that by the acks still in flight when sending stopped.
     */
    static Target durableRate(String shape, Optional<StepResult> highestPassing) {
        return Targets.atLeast("throughput " + shape + ": durable msgs/s (every send acked) with delivery p99 < 200 "
                + "ms, 0 missing", highestPassing.map(StepResult::offeredPerSecond).orElse(0), 2000, "msg/s");
    }

    private StepResult runStep(DeliveryLedger ledger, DeliveryWindow window, List<ChatMember> all,
            String[] channelOf, int rate, int seconds, String idPrefix) throws InterruptedException {
        long total = (long) rate * seconds;
        long t0 = System.nanoTime();
        for (long i = 0; i < total; i++) {
            long wait = t0 + StepSearch.dueNanos(i, rate) - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            ChatMember sender = all.get((int) (i % all.size()));
            String id = idPrefix + "-" + i;
            ledger.sent(id, window, membersPerChannel - 1, System.nanoTime());
            sender.send(channelOf[sender.index()], id, "throughput message " + i);
        }
        double elapsed = (System.nanoTime() - t0) / 1e9;
        long acked = window.acked();
        long delivered = window.delivered();
        DeliveryLedger.awaitSettled(window, Duration.ofSeconds(drainSeconds));
        long missing = DeliveryLedger.missing(window);
        long unacked = DeliveryLedger.unanswered(window);
        var delivery = window.deliveryLatency();
        StepResult step = new StepResult(rate, window.sent(), Math.round(acked / elapsed * 10) / 10.0,
                Math.round(delivered / elapsed * 10) / 10.0, window.ackLatency(), delivery, missing, unacked,
                window.errors(), StepResult.passes(delivery, missing, unacked, window.errors(), p99LimitMillis),
                window.timeline());
        Thread.sleep(1000);
        return step;
    }
}
