package org.chatserver.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The machine a run ran on, as the report states it: cores, memory, CPU model, OS, JVM, the open-file limit of the
 * load generator, and how fast its kernel carried a loopback round trip just before the run. Immutable.
 *
 * @param cores        available processors
 * @param memoryGib    total memory (MemTotal), GiB
 * @param cpu          CPU model name
 * @param os           operating system and kernel
 * @param java         JVM of the load generator
 * @param openFileLimit the load generator's open-file limit (soft), or -1 if unknown
 * @param loopback      the loopback round trip measured before the run, or {@code null} if the probe failed
 */
public record MachineInfo(int cores, double memoryGib, String cpu, String os, String java, long openFileLimit,
        LoopbackRoundTrip loopback) {

    /**
     * @param loopback the run's {@link LoopbackRoundTrip#measure()}, taken before its load started
     * @return this machine, read from the JVM and /proc
     */
    public static MachineInfo current(LoopbackRoundTrip loopback) {
        return new MachineInfo(Runtime.getRuntime().availableProcessors(), memTotalGib(), cpuModel(),
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"), openFiles(), loopback);
    }

    private static double memTotalGib() {
        Matcher m = find(Path.of("/proc/meminfo"), Pattern.compile("MemTotal:\\s+(\\d+) kB"));
        return m == null ? -1 : Math.round(Long.parseLong(m.group(1)) / 1024.0 / 1024.0 * 10) / 10.0;
    }

    private static String cpuModel() {
        Matcher m = find(Path.of("/proc/cpuinfo"), Pattern.compile("model name\\s*:\\s*(.+)"));
        return m == null ? "unknown" : m.group(1).trim();
    }

    private static long openFiles() {
        Matcher m = find(Path.of("/proc/self/limits"), Pattern.compile("Max open files\\s+(\\d+)"));
        return m == null ? -1 : Long.parseLong(m.group(1));
    }

    private static Matcher find(Path file, Pattern pattern) {
        try {
            Matcher m = pattern.matcher(Files.readString(file));
            return m.find() ? m : null;
        } catch (IOException e) {
            return null;
        }
    }
}
