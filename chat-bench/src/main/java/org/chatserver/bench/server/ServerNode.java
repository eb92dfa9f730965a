package org.chatserver.bench.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Payara Micro node of the local stack, seen from outside: its pid (from {@code <state>/run/payara.pid}), memory
 * samples via jcmd and /proc, its CPU time, and a restart through the stack launcher. Each call reads the pid file again, so a
 * restarted node is found. Thread-safe (no mutable state); the jcmd and launcher calls block.
 */
public final class ServerNode {

    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");
    private static final Pattern VM_RSS = Pattern.compile("VmRSS:\\s+(\\d+) kB");

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

    /** @return the node's pid, or -1 if the stack records none that is alive */
    public long pid() {
        Path file = stateDir.resolve("run").resolve("payara.pid");
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

    /**
     * Runs a full GC in the server, then reads its used heap, RSS and open files.
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

    /** @return the CPU time the node has used so far (all its threads), or empty if unknown */
    public Optional<Duration> cpuTime() {
        long pid = pid();
        return pid < 0 ? Optional.empty() : ProcessHandle.of(pid).flatMap(node -> node.info().totalCpuDuration());
    }

    /** @return the server's open-file limit (soft), or -1 if unknown */
    public long openFileLimit() throws IOException {
        Matcher m = Pattern.compile("Max open files\\s+(\\d+)")
                .matcher(Files.readString(Path.of("/proc", Long.toString(requirePid()), "limits")));
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    /**
     * Kills the node (SIGKILL) and starts it again through {@code ./chat node restart}; returns when the new node
     * is ready or the launcher failed.
     *
     * @param log where the launcher's output goes
     * @return the launcher's exit code
     */
    public int restart(Path log) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(launcher.toString(), "node", "restart")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
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
