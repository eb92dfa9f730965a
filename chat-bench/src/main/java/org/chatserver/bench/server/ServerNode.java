package org.chatserver.bench.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Payara Micro nodes of the local stack, seen from outside: a node's pid, memory samples via jcmd and /proc and
 * the CPU time of node 1, and starting, stopping and restarting nodes through the stack launcher. Each call reads the
 * pid file again, so a restarted node is found. Thread-safe (no mutable state); the jcmd and launcher calls block.
 *
 * <p>Nodes are numbered as the launcher numbers them. Node 1 is the stack's own, started by {@code ./chat start}:
 * its pid is in {@code <state>/run/payara.pid} and its HTTP port is the one of {@code --url}. Node N (N &gt;= 2) is
 * started beside it by {@code ./chat node start N}: its pid is in {@code <state>/run/payara-N.pid} (the same
 * {@code pid=...} format) and its HTTP port is node 1's + N - 1, on the same host
 * ({@link org.chatserver.bench.client.NodeRouting#url}). All nodes share the database, Redis and Kafka.
 */
public final class ServerNode {

    /** The stack's own node, the one {@code ./chat start} and {@code ./chat stop} run. */
    public static final int FIRST_NODE = 1;

    /** A node counts as quiet when it used less than this share of one core over a whole window... */
    public static final int QUIET_CPU_PERCENT = 10;

    /** ...of this length... */
    public static final Duration QUIET_WINDOW = Duration.ofSeconds(5);

    /** ...or after this long: a node that never quiets down is measured anyway, and the caller says so. */
    public static final Duration QUIET_LIMIT = Duration.ofMinutes(5);

    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");
    private static final Pattern VM_RSS = Pattern.compile("VmRSS:\\s+(\\d+) kB");
    /** Longest wait for a launcher command; starting a node (deployment included) takes well under a minute. */
    private static final Duration LAUNCHER_TIMEOUT = Duration.ofMinutes(10);

    private final Path stateDir;
    private final Path launcher;

    /**
     * @param stateDir the stack's state folder ({@code .stack})
     * @param launcher the {@code ./chat} script
     */
    public ServerNode(Path stateDir, Path launcher) {
        this.stateDir = stateDir;
        this.launcher = launcher;
    }

    /** @return node 1's pid, or -1 if the stack records none that is alive */
    public long pid() {
        return pid(FIRST_NODE);
    }

    /** @return node {@code node}'s pid, or -1 if the stack records none that is alive */
    public long pid(int node) {
        Path file = stateDir.resolve("run").resolve(node == FIRST_NODE ? "payara.pid" : "payara-" + node + ".pid");
        if (!Files.isRegularFile(file)) {
            return -1;
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
            long pid = Long.parseLong(p.getProperty("pid", "-1").trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isPresent() ? pid : -1;
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    /** @return whether the stack records a live process for node {@code node} */
    public boolean isRunning(int node) {
        return pid(node) >= 0;
    }

    /**
     * Runs a full GC in node 1, then reads its used heap, RSS and open files.
     *
     * @param connections what to record as the number of open connections
     */
    public MemorySample sample(int connections) throws IOException, InterruptedException {
        long pid = requirePid();
        jcmd(pid, "GC.run");
        Matcher heap = HEAP_USED.matcher(jcmd(pid, "GC.heap_info"));
        long heapBytes = heap.find() ? Long.parseLong(heap.group(1)) * 1024 : -1;
        Matcher rss = VM_RSS.matcher(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
        long rssBytes = rss.find() ? Long.parseLong(rss.group(1)) * 1024 : -1;
        int files;
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            files = (int) fds.count();
        }
        return new MemorySample(connections, heapBytes, rssBytes, files);
    }

    /** @return the CPU time node 1 has used so far (all its threads), or empty if unknown */
    public Optional<Duration> cpuTime() {
        return cpuTime(FIRST_NODE);
    }

    /** @return the CPU time node {@code node} has used so far (all its threads), or empty if unknown */
    public Optional<Duration> cpuTime(int node) {
        long pid = pid(checked(node));
        return pid < 0 ? Optional.empty() : ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration());
    }

    /**
     * Waits until node {@code node} is quiet: it used less than {@value #QUIET_CPU_PERCENT} % of one core over a
     * {@link #QUIET_WINDOW}, or {@link #QUIET_LIMIT} has passed. A freshly started Payara keeps its optimizing JIT busy
     * on one of two cores for minutes, and a large run leaves work behind; a measurement should see neither.
     *
     * @param busy told the CPU percent of each window that was too busy
     * @return the CPU percent of the last window (at or above the threshold if the limit ran out), or empty if the
     *         node's CPU time is unknown
     */
    public OptionalLong awaitQuiet(int node, LongConsumer busy) throws InterruptedException {
        long deadline = System.nanoTime() + QUIET_LIMIT.toNanos();
        long percent;
        do {
            Optional<Duration> start = cpuTime(node);
            Thread.sleep(QUIET_WINDOW.toMillis());
            Optional<Duration> end = cpuTime(node);
            if (start.isEmpty() || end.isEmpty()) {
                return OptionalLong.empty();
            }
            percent = end.get().minus(start.get()).toMillis() * 100 / QUIET_WINDOW.toMillis();
            if (percent < QUIET_CPU_PERCENT) {
                return OptionalLong.of(percent);
            }
            busy.accept(percent);
        } while (System.nanoTime() < deadline);
        return OptionalLong.of(percent);
    }

    /** @return node 1's open-file limit (soft), or -1 if unknown */
    public long openFileLimit() throws IOException {
        Matcher m = Pattern.compile("Max open files\\s+(\\d+)")
                .matcher(Files.readString(Path.of("/proc", Long.toString(requirePid()), "limits")));
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    /**
     * Starts node {@code node} on the running stack through {@code ./chat node start N}; returns when it is ready or
     * the launcher failed (it fails for a node already running).
     *
     * @param node the node's number, 1 or more (node 1 after {@link #kill}, the others beside it)
     * @param log  where the launcher's output goes
     * @return the launcher's exit code, or -1 if it did not finish in time (it is then killed)
     */
    public int start(int node, Path log) throws IOException, InterruptedException {
        return launch(log, "start", argument(node));
    }

    /**
     * Stops node {@code node} through {@code ./chat node stop N} (TERM, then KILL).
     *
     * @param node the node's number, 1 or more
     * @param log  where the launcher's output goes
     * @return the launcher's exit code, or -1 if it did not finish in time (it is then killed)
     */
    public int stop(int node, Path log) throws IOException, InterruptedException {
        return launch(log, "stop", argument(node));
    }

    /**
     * Kills node {@code node} (SIGKILL) and starts it again through {@code ./chat node restart N}; returns when the
     * new node is ready or the launcher failed.
     *
     * @param node the node's number, 1 or more
     * @param log  where the launcher's output goes
     * @return the launcher's exit code, or -1 if it did not finish in time (it is then killed)
     */
    public int restart(int node, Path log) throws IOException, InterruptedException {
        return launch(log, "restart", argument(node));
    }

    /**
     * Kills node {@code node} with SIGKILL, as a crash would, and waits until it exited; its pid file stays until the
     * next {@link #start} of the node replaces it.
     *
     * @param node the node's number, 1 or more
     * @return whether a running node was killed
     */
    public boolean kill(int node) {
        long pid = pid(checked(node));
        Optional<ProcessHandle> process = pid < 0 ? Optional.empty() : ProcessHandle.of(pid);
        process.ifPresent(p -> {
            p.destroyForcibly();
            p.onExit().join();
        });
        return process.isPresent();
    }

    /** Runs {@code <launcher> node <command> <node>} with its output in {@code log}, for at most the timeout. */
    private int launch(Path log, String command, String node) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(launcher.toString(), "node", command, node)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(LAUNCHER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }

    /** @return a node's number, checked, as the launcher's argument */
    private static String argument(int node) {
        return Integer.toString(checked(node));
    }

    private static int checked(int node) {
        if (node < FIRST_NODE) {
            throw new IllegalArgumentException("nodes are numbered from " + FIRST_NODE + ": " + node);
        }
        return node;
    }

    /** Runs {@code jcmd <pid> <command...>} and returns its output. */
    String jcmd(long pid, String... command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        List<String> line = new java.util.ArrayList<>(List.of(jcmd.toString(), Long.toString(pid)));
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IOException("jcmd " + String.join(" ", command) + " failed: " + new String(out));
        }
        return new String(out);
    }

    long requirePid() throws IOException {
        long pid = pid();
        if (pid < 0) {
            throw new IOException("no running server node recorded in " + stateDir.resolve("run"));
        }
        return pid;
    }
}
