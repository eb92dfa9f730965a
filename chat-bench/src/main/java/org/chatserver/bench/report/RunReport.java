package org.chatserver.bench.report;

import java.util.List;
import java.util.Map;

/**
 * The full result of one run, written as JSON next to its PNG and read back to render docs/performance.md.
 * Immutable (its maps and lists are not copied; the scenario that builds one does not change them afterwards).
 *
 * @param scenario        fanout, throughput, connections or reconnect
 * @param label           file name stem, e.g. {@code fanout-n5000}
 * @param command         the command line that ran it
 * @param started         start time, ISO-8601 UTC
 * @param durationSeconds wall time of the whole run, set-up included
 * @param machine         where it ran
 * @param parameters      the scenario's options
 * @param results         the measurements (latency summaries, steps, server memory, ...)
 * @param targets         issue 5's targets that this run checks
 * @param summary         the one-line summary
 */
public record RunReport(String scenario, String label, String command, String started, double durationSeconds,
        MachineInfo machine, Map<String, Object> parameters, Map<String, Object> results, List<Target> targets,
        String summary) {
}
