package org.chatserver.bench.server;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Records the server with JFR (jcmd {@code JFR.start settings=profile} ... {@code JFR.stop}) around a measured phase,
 * and summarises the recording into {@link Hotspots}. One recording at a time per instance; not thread-safe.
 */
public final class ServerProfiler {

    private static final String NAME = "chat-bench";
    private static final int TOP = 20;
    private static final String OWN_PACKAGE = "org.chatserver.";

    /** Library prefixes and the layer name they are reported as; the first match wins. */
    private static final List<Map.Entry<String, String>> LAYERS = List.of(
            Map.entry(OWN_PACKAGE, "chat application code"),
            Map.entry("org.mariadb.", "JDBC driver (MariaDB)"),
            Map.entry("org.hibernate.", "Hibernate ORM"),
            Map.entry("org.apache.kafka.", "Kafka client"),
            Map.entry("org.redisson.", "Redisson"),
            Map.entry("io.netty.", "Netty (Redisson I/O)"),
            Map.entry("org.glassfish.tyrus.", "WebSocket (Tyrus)"),
            Map.entry("org.glassfish.grizzly.", "HTTP / I/O (Grizzly)"),
            Map.entry("org.glassfish.jersey.", "JAX-RS (Jersey)"),
            Map.entry("com.fasterxml.", "JSON"),
            Map.entry("org.eclipse.yasson.", "JSON"),
            Map.entry("org.eclipse.parsson.", "JSON"),
            Map.entry("org.glassfish.json.", "JSON"),
            Map.entry("com.nimbusds.", "JWT"),
            Map.entry("fish.payara.microprofile.jwtauth.", "JWT"),
            Map.entry("org.jboss.weld.", "CDI (Weld)"),
            Map.entry("com.sun.ejb.", "EJB container"),
            Map.entry("com.sun.enterprise.", "Payara container"),
            Map.entry("fish.payara.", "Payara container"),
            Map.entry("org.glassfish.", "Payara container"));

    private final ServerNode node;
    private long pid = -1;
    private Path file;

    public ServerProfiler(ServerNode node) {
        this.node = node;
    }

    /** Starts a recording into {@code file}. */
    public void start(Path file) throws IOException, InterruptedException {
        this.pid = node.requirePid();
        this.file = file.toAbsolutePath();
        node.jcmd(pid, "JFR.start", "name=" + NAME, "settings=profile", "filename=" + this.file);
    }

    /** Stops the recording, writes it, and summarises it. */
    public Hotspots stop() throws IOException, InterruptedException {
        node.jcmd(pid, "JFR.stop", "name=" + NAME, "filename=" + file);
        return summarise(file);
    }

    /** Summarises a recording. */
    public static Hotspots summarise(Path recording) throws IOException {
        Map<String, Long> self = new HashMap<>();
        Map<String, Long> chat = new HashMap<>();
        Map<String, Long> layers = new HashMap<>();
        Map<String, Long> waiting = new HashMap<>();
        long cpu = 0;
        long nativeSamples = 0;
        try (RecordingFile in = new RecordingFile(recording)) {
            while (in.hasMoreEvents()) {
                RecordedEvent event = in.readEvent();
                String type = event.getEventType().getName();
                RecordedStackTrace stack = event.getStackTrace();
                if (stack == null || stack.getFrames().isEmpty()) {
                    continue;
                }
                if ("jdk.ExecutionSample".equals(type)) {
                    cpu++;
                    self.merge(method(stack.getFrames().get(0)), 1L, Long::sum);
                    layers.merge(layer(stack.getFrames()), 1L, Long::sum);
                    countOwn(stack.getFrames(), chat);
                } else if ("jdk.NativeMethodSample".equals(type)) {
                    nativeSamples++;
                    countOwn(stack.getFrames(), waiting);
                }
            }
        }
        return new Hotspots(recording.toString(), cpu, sortedByCount(layers), top(self, cpu), top(chat, cpu),
                nativeSamples, top(waiting, nativeSamples));
    }

    private static void countOwn(List<RecordedFrame> frames, Map<String, Long> counts) {
        Set<String> seen = new HashSet<>();
        for (RecordedFrame frame : frames) {
            String m = method(frame);
            if (m.startsWith(OWN_PACKAGE) && seen.add(m)) {
                counts.merge(m, 1L, Long::sum);
            }
        }
    }

    private static String layer(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String m = method(frame);
            if (m.startsWith("java.") || m.startsWith("jdk.") || m.startsWith("sun.") || m.startsWith("javax.")) {
                continue;
            }
            for (Map.Entry<String, String> layer : LAYERS) {
                if (m.startsWith(layer.getKey())) {
                    return layer.getValue();
                }
            }
            String[] parts = m.split("\\.");
            return parts.length > 2 ? parts[0] + "." + parts[1] : m;
        }
        return "JDK only (I/O, GC-free JDK code)";
    }

    private static String method(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static List<Hotspots.Frame> top(Map<String, Long> counts, long total) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(TOP)
                .map(e -> new Hotspots.Frame(e.getKey(), e.getValue(),
                        total == 0 ? 0 : Math.round(e.getValue() * 1000.0 / total) / 10.0))
                .collect(Collectors.toList());
    }

    private static Map<String, Long> sortedByCount(Map<String, Long> counts) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }
}
