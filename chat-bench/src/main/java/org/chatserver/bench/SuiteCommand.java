package org.chatserver.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Callable;
import org.chatserver.bench.report.PerformanceDoc;
import org.chatserver.bench.server.ServerNode;
import org.chatserver.bench.server.ServerOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code suite}: the standard suite against the local stack, one scenario after the other in this process, then
 * docs/performance.md rendered from the results folder. The sizes are issue 5's target sizes, as far as they fit
 * the suite's time on a 2-core machine. Unless told otherwise, a warm-up comes first: a fanout and a throughput
 * run up to 2,000/s whose results are dropped. The reconnect run starts node 2 beside the stack's node for itself and
 * stops it at its end, so every other run measures the usual one-node stack.
 *
 * <p>Before each measured run the suite waits until the server is quiet ({@link ServerNode#awaitQuiet}), so that a
 * run measures the server and not what came before: a freshly started Payara keeps its optimizing JIT busy on one of
 * two cores for minutes, and a large run leaves work behind (10,000 members going offline, each announced to the
 * channel's viewers). Runs on the picocli thread.
 */
@Command(name = "suite", mixinStandardHelpOptions = true,
        description = "Run the standard suite against the local stack and write docs/performance.md.")
final class SuiteCommand implements Callable<Integer> {

    /** The standard suite: name -> the scenario's arguments. */
    static final Map<String, List<String>> STANDARD = standard();

    /**
     * The warm-up: scenarios whose results are dropped. Its throughput run climbs to the target rate, because a fresh
     * server compiles its send path for the load it meets: warmed only at 400/s, it stalled for seconds in the 2,000/s
     * step, where a server that had already served that rate for a few seconds passed it.
     */
    static final List<List<String>> WARM_UP = List.of(
            List.of("fanout", "--members", "1000", "--messages", "100"),
            List.of("throughput", "--channels", "100", "--members", "10", "--rates", "250,500,1000,1500,2000",
                    "--step-seconds", "10", "--keep-going"));

    @Option(names = "--no-warm-up", description = "Measure at once, without the warm-up.")
    boolean noWarmUp;

    @Mixin
    ServerOptions server;

    /** The names of the suite's runs, for the help and the check of {@code --only}. */
    static final class RunNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return STANDARD.keySet().iterator();
        }
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--only", split = ",", completionCandidates = RunNames.class,
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
        runs.put("reconnect", List.of("reconnect", "--members", "5000", "--nodes", "2"));
        runs.put("catchup", List.of("catchup", "--members", "1000", "--channels", "20", "--messages", "10"));
        return runs;
    }

    @Override
    public Integer call() throws Exception {
        if (only != null && !STANDARD.keySet().containsAll(only)) {
            // Checked before the warm-up: a misspelt name would otherwise run nothing, minutes later.
            throw new ParameterException(spec.commandLine(), "--only: no run named "
                    + only.stream().filter(name -> !STANDARD.containsKey(name)).toList() + "; the suite's runs are "
                    + STANDARD.keySet());
        }
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
            awaitQuietServer(run.getKey());
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

    /** Runs the warm-up scenarios into a scratch folder. */
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
    }

    /** Waits until node 1 is quiet ({@link ServerNode#awaitQuiet}) and says how that went. */
    private void awaitQuietServer(String before) throws InterruptedException {
        OptionalLong percent = server.node().awaitQuiet(ServerNode.FIRST_NODE, busy -> System.out.println(
                "[bench] suite: server busy (" + busy + " % of a core); waiting before " + before));
        if (percent.isEmpty()) {
            System.out.println("[bench] suite: server CPU time unknown; not waiting for it to be quiet");
        } else if (percent.getAsLong() < ServerNode.QUIET_CPU_PERCENT) {
            System.out.println("[bench] suite: server quiet (" + percent.getAsLong() + " % of a core) before "
                    + before);
        } else {
            System.out.println("[bench] suite: server still busy after " + ServerNode.QUIET_LIMIT.toMinutes()
                    + " min; measuring " + before + " anyway");
        }
    }
}
