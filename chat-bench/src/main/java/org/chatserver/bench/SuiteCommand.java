package org.chatserver.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.chatserver.bench.report.PerformanceDoc;
import org.chatserver.bench.server.ServerNode;
import org.chatserver.bench.server.ServerOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code suite}: the standard suite against the local stack, one scenario after the other in this process, then
 * docs/performance.md rendered from the results folder. The sizes are issue 5's target sizes, as far as they fit
 * the suite's time on a 2-core machine. Unless told otherwise, a warm-up comes first: a fanout and a short
 * throughput run whose results are dropped, then a wait until the server's JIT compile queue is short, so that the
 * measured runs see the server and not its warm-up (see {@link ServerNode#compileQueueLength()}). Runs on the picocli
 * thread.
 */
@Command(name = "suite", mixinStandardHelpOptions = true,
        description = "Run the standard suite against the local stack and write docs/performance.md.")
final class SuiteCommand implements Callable<Integer> {

    /** The standard suite: name -> the scenario's arguments. */
    static final Map<String, List<String>> STANDARD = standard();

    /** The warm-up: scenarios whose results are dropped. */
    static final List<List<String>> WARM_UP = List.of(
            List.of("fanout", "--members", "1000", "--messages", "100"),
            List.of("throughput", "--channels", "100", "--members", "10", "--rates", "100,200,400",
                    "--step-seconds", "5", "--keep-going"));

    /** The warm-up ends when at most this many methods wait for the JIT... */
    private static final int SETTLED_COMPILE_QUEUE = 50;

    /** ...or after this long. */
    private static final long SETTLE_LIMIT_SECONDS = 300;

    private static final long SETTLE_POLL_SECONDS = 10;

    @Option(names = "--no-warm-up", description = "Measure at once, without the warm-up.")
    boolean noWarmUp;

    @Mixin
    ServerOptions server;

    @Option(names = "--only", split = ",",
            description = "Run only these runs of the suite (names: ${COMPLETION-CANDIDATES}); the document is "
                    + "rendered from every result in --out, so a suite can be run in parts.")
    Set<String> only;

    @Option(names = "--out", defaultValue = "docs/performance",
            description = "Results folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--doc", defaultValue = "docs/performance.md",
            description = "The Markdown file to write (default: ${DEFAULT-VALUE}).")
    Path doc;

    @Option(names = "--profile", description = "Record the server with JFR during the fanout and throughput runs.")
    boolean profile;

    private static Map<String, List<String>> standard() {
        Map<String, List<String>> runs = new LinkedHashMap<>();
        runs.put("fanout-1000", List.of("fanout", "--members", "1000", "--messages", "100"));
        runs.put("fanout-5000", List.of("fanout", "--members", "5000", "--messages", "50"));
        runs.put("fanout-10000", List.of("fanout", "--members", "10000", "--messages", "20"));
        runs.put("throughput", List.of("throughput", "--channels", "100", "--members", "10"));
        runs.put("connections", List.of("connections", "--connections", "15000", "--batches", "3"));
        runs.put("reconnect", List.of("reconnect", "--members", "5000"));
        return runs;
    }

    @Override
    public Integer call() throws Exception {
        if (!noWarmUp) {
            warmUp();
        }
        int failures = 0;
        for (Map.Entry<String, List<String>> run : STANDARD.entrySet()) {
            if (only != null && !only.contains(run.getKey())) {
                continue;
            }
            List<String> args = new ArrayList<>(run.getValue());
            args.addAll(server.asArguments());
            args.add("--out");
            args.add(out.toString());
            if (profile && (args.get(0).equals("fanout") || args.get(0).equals("throughput"))) {
                args.add("--profile");
            }
            System.out.println("[bench] suite: " + run.getKey() + ": " + String.join(" ", args));
            int exit = new CommandLine(new ChatBench()).execute(args.toArray(String[]::new));
            if (exit != 0) {
                failures++;
                System.out.println("[bench] suite: " + run.getKey() + " exited " + exit);
            }
        }
        new PerformanceDoc(out, doc).write();
        System.out.println("[bench] suite: wrote " + doc + " (" + failures + " runs with failures)");
        return failures == 0 ? 0 : 1;
    }

    /** Runs the warm-up scenarios into a scratch folder, then waits for the server's JIT to catch up. */
    private void warmUp() throws Exception {
        Path scratch = Files.createTempDirectory("chat-bench-warm-up");
        for (List<String> scenario : WARM_UP) {
            List<String> args = new ArrayList<>(scenario);
            args.addAll(server.asArguments());
            args.add("--out");
            args.add(scratch.toString());
            System.out.println("[bench] suite: warm-up: " + String.join(" ", args));
            new CommandLine(new ChatBench()).execute(args.toArray(String[]::new));
        }
        ServerNode node = server.node();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SETTLE_LIMIT_SECONDS);
        int queued = node.compileQueueLength();
        while (queued > SETTLED_COMPILE_QUEUE && System.nanoTime() < deadline) {
            System.out.println("[bench] suite: warm-up: " + queued + " methods wait for the server's JIT");
            TimeUnit.SECONDS.sleep(SETTLE_POLL_SECONDS);
            queued = node.compileQueueLength();
        }
        System.out.println("[bench] suite: warm-up done, " + (queued < 0 ? "server JIT queue unknown"
                : queued + " methods in the server's JIT queue"));
    }
}
