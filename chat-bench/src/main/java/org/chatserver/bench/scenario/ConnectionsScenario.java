package org.chatserver.bench.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.chatserver.bench.client.ChatMember;
import org.chatserver.bench.client.MemberEvents;
import org.chatserver.bench.report.Chart;
import org.chatserver.bench.report.Target;
import org.chatserver.bench.server.MemorySample;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code connections}: C idle connections, one user each, opened in batches; after each batch the server's heap
 * (after a full GC) and RSS are sampled, then all are held open for a while with heartbeats. Reports heap and RSS
 * per connection (growth over the baseline before the first connection, divided by the connections) and how many
 * connections stayed open.
 *
 * <p>Runs on the picocli thread; closes are counted on Netty threads.
 */
@Command(name = "connections", mixinStandardHelpOptions = true,
        description = "C idle connections: server heap and RSS per connection.")
public final class ConnectionsScenario implements Callable<Integer> {

    @Mixin
    BenchOptions options;

    @Spec
    CommandSpec spec;

    @Option(names = {"-c", "--connections"}, defaultValue = "2000",
            description = "Idle connections to open (default: ${DEFAULT-VALUE}).")
    int connections;

    @Option(names = "--batches", defaultValue = "4",
            description = "Connect in this many batches, sampling the server's memory after each (default: "
                    + "${DEFAULT-VALUE}).")
    int batches;

    @Option(names = "--hold-seconds", defaultValue = "35",
            description = "How long all connections stay open (idle but for pings) before the last sample; over two "
                    + "heartbeat intervals shows that heartbeats keep them (default: ${DEFAULT-VALUE}).")
    int holdSeconds;

    @Override
    public Integer call() throws Exception {
        try (BenchRun run = new BenchRun(options, "connections", CommandLines.of(spec))) {
            return execute(run);
        }
    }

    private int execute(BenchRun run) throws Exception {
        Map<String, AtomicLong> closes = new ConcurrentHashMap<>();
        MemberEvents events = new MemberEvents() {
            @Override
            public void onClosed(ChatMember m, int code) {
                closes.computeIfAbsent(Integer.toString(code), c -> new AtomicLong()).incrementAndGet();
            }
        };
        List<MemorySample> samples = new ArrayList<>();
        MemorySample baseline = run.server.sample(0);
        samples.add(baseline);
        long serverFileLimit = run.server.openFileLimit();
        run.progress.line("server", String.format(Locale.ROOT, "baseline heap %.1f MB, RSS %.1f MB, %d files "
                + "(limit %d)", mb(baseline.heapUsedBytes()), mb(baseline.rssBytes()), baseline.openFiles(),
                serverFileLimit));
        List<String> users = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            users.add("c" + i);
        }
        List<ChatMember> all = run.members(users, i -> events);
        int failed = 0;
        long t0 = System.nanoTime();
        for (int b = 0; b < batches; b++) {
            List<ChatMember> batch = all.subList(b * connections / batches, (b + 1) * connections / batches);
            failed += run.connectAll(batch);
            MemorySample s = run.server.sample((b + 1) * connections / batches - failed);
            samples.add(s);
            run.progress.line("server", String.format(Locale.ROOT, "%d connections: heap %.1f MB, RSS %.1f MB, "
                    + "%d files", s.connections(), mb(s.heapUsedBytes()), mb(s.rssBytes()), s.openFiles()));
        }
        double connectSeconds = (System.nanoTime() - t0) / 1e9;
        run.progress.line("hold", "holding " + (connections - failed) + " connections for " + holdSeconds + " s");
        Thread.sleep(holdSeconds * 1000L);
        int open = (int) all.stream().filter(ChatMember::isConnected).count();
        MemorySample last = run.server.sample(open);
        samples.add(last);
        double heapPer = open == 0 ? 0 : (last.heapUsedBytes() - baseline.heapUsedBytes()) / (double) open;
        double rssPer = open == 0 ? 0 : (last.rssBytes() - baseline.rssBytes()) / (double) open;

        Map<String, Object> results = new LinkedHashMap<>();
        results.put("open_after_hold", open);
        results.put("connect_failures", failed);
        results.put("closed_during_run", closes);
        results.put("connect_seconds", Math.round(connectSeconds * 10) / 10.0);
        results.put("source_addresses", run.addresses.addressesFor(connections));
        results.put("heap_bytes_per_connection", Math.round(heapPer));
        results.put("rss_bytes_per_connection", Math.round(rssPer));
        results.put("server_open_file_limit", serverFileLimit);
        results.put("samples", samples);

        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("connections", connections);
        parameters.put("batches", batches);
        parameters.put("hold_seconds", holdSeconds);
        parameters.put("per_address", options.perAddress);
        parameters.put("workspace", run.workspace);

        List<Target> targets = new ArrayList<>();
        if (connections >= 15_000) {
            targets.add(Targets.atLeast("connections: idle connections held on one node", open, 15_000,
                    "connections"));
        }
        targets.add(Targets.below("connections: heap per connection", heapPer / 1024.0, 20, "KB"));
        String summary = String.format(Locale.ROOT,
                "connections C=%d: %d open after %d s, heap %.1f KB/connection, RSS %.1f KB/connection, "
                        + "%d connect failures, %d source addresses", connections, open, holdSeconds,
                heapPer / 1024.0, rssPer / 1024.0, failed, run.addresses.addressesFor(connections));
        Chart chart = new Chart("connections: server memory with " + connections + " idle connections",
                "open connections", "MB");
        double[] x = samples.stream().mapToDouble(MemorySample::connections).toArray();
        chart.line("heap used after GC", x, samples.stream().mapToDouble(s -> mb(s.heapUsedBytes())).toArray());
        chart.line("RSS", x, samples.stream().mapToDouble(s -> mb(s.rssBytes())).toArray());
        run.finish("connections-c" + connections, parameters, results, targets, summary, chart);
        all.forEach(ChatMember::disconnect);
        return failed == 0 && open == connections ? 0 : 1;
    }

    private static double mb(long bytes) {
        return Math.round(bytes / 1024.0 / 1024.0 * 10) / 10.0;
    }
}
