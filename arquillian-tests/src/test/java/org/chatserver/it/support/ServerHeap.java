package org.chatserver.it.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Java heap of the server process a test talks to, read with the JDK's {@code jcmd}: the process is the one
 * listening on the server's HTTP port (found with {@code ss}), and its heap is measured after a full collection, so
 * what is counted is what the server still holds. Linux only, like the rest of the test stack.
 */
public final class ServerHeap {

    private static final Pattern LISTENER_PID = Pattern.compile("pid=(\\d+)");
    private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total \\d+K, used (\\d+)K");

    private final long pid;

    private ServerHeap(long pid) {
        this.pid = pid;
    }

    /** The process listening on {@code port} of 127.0.0.1. */
    public static ServerHeap listeningOn(int port) throws IOException, InterruptedException {
        String listeners = run("ss", "-ltnpH", "sport = :" + port);
        Matcher pid = LISTENER_PID.matcher(listeners);
        if (!pid.find()) {
            throw new IllegalStateException("no process listens on port " + port + ": " + listeners);
        }
        return new ServerHeap(Long.parseLong(pid.group(1)));
    }

    /** Bytes of heap in use after a full garbage collection. */
    public long usedAfterFullGc() throws IOException, InterruptedException {
        run(jcmd(), Long.toString(pid), "GC.run");
        String info = run(jcmd(), Long.toString(pid), "GC.heap_info");
        Matcher used = HEAP_USED.matcher(info);
        if (!used.find()) {
            throw new IllegalStateException("unexpected GC.heap_info: " + info);
        }
        return Long.parseLong(used.group(1)) * 1024;
    }

    private static String jcmd() {
        return Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }
}
