package org.chatserver.bench.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chatserver.bench.delivery.LatencySummary;
import org.chatserver.bench.delivery.SendTimeline.SecondSummary;
import org.chatserver.bench.scenario.StepResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PerformanceDocTest {

    private static final MachineInfo MACHINE = new MachineInfo(2, 23.5, "cpu", "Linux", "17", 20000,
            new LoopbackRoundTrip(21.5, 48.25, 20000));

    /** Writes the reports as result files, renders the document from them and returns it. */
    private static String render(Path dir, RunReport... reports) throws Exception {
        Path out = dir.resolve("results");
        for (RunReport report : reports) {
            new ReportWriter(out).write(report, null);
        }
        Path doc = dir.resolve("performance.md");
        new PerformanceDoc(out, doc).write();
        return Files.readString(doc);
    }

    @Test
    void rendersTheMachineTheTargetsAndAFanoutTableFromTheJson(@TempDir Path dir) throws Exception {
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("delivery_latency_ms", new LatencySummary(10, 4.5, 6, 12.25, 13, 14, 5));
        results.put("time_to_last_member_ms", new LatencySummary(2, 9, 9, 11, 11, 11, 9));
        results.put("ack_latency_ms", LatencySummary.EMPTY);
        results.put("missing", 0);
        RunReport report = new RunReport("fanout", "fanout-n10", "java -jar chat-bench.jar fanout -n 10",
                "2026-01-01T00:00:00Z", 12.5, MACHINE, Map.of("members", 10, "messages", 2, "interval_ms", 100),
                results, List.of(new Target("fanout p99", "< 200 ms", "250 ms", false, "missed by 50 ms")), "summary");

        String md = render(dir, report);

        assertTrue(md.contains("2 cores (cpu), 23.5 GiB"), md);
        assertTrue(md.contains("| fanout p99 | < 200 ms | 250 ms | **no**, missed by 50 ms | fanout-n10 |"), md);
        assertTrue(md.contains("| 10 | 2 | 100 | 4.5 / 6.0 / 12.25 / 14.0 |"), md);
        assertTrue(md.contains("`java -jar chat-bench.jar fanout -n 10`"), md);
    }

    @Test
    void eachRunStatesTheLoopbackRoundTripItMeasuredAndOlderResultsStateNone(@TempDir Path dir) throws Exception {
        MachineInfo older = new MachineInfo(2, 23.5, "cpu", "Linux", "17", 20000, null);
        RunReport first = new RunReport("fanout", "fanout-n10", "fanout -n 10", "2026-01-01T00:00:00Z", 12.5,
                MACHINE, Map.of("members", 10, "messages", 2, "interval_ms", 100), new LinkedHashMap<>(), List.of(),
                "s");
        RunReport second = new RunReport("fanout", "fanout-n20", "fanout -n 20", "2026-01-02T00:00:00Z", 14,
                older, Map.of("members", 20, "messages", 2, "interval_ms", 100), new LinkedHashMap<>(), List.of(),
                "s");

        String md = render(dir, first, second);

        assertTrue(md.contains("(20000 round trips; before the first run: p50 21.5 us, p99 48.25 us;"), md);
        assertTrue(md.contains("- `fanout-n10` (2026-01-01T00:00:00Z, 12.5 s, loopback p50 21.5 us): `fanout -n 10`"),
                md);
        assertTrue(md.contains("- `fanout-n20` (2026-01-02T00:00:00Z, 14.0 s): `fanout -n 20`"), md);
    }

    @Test
    void theReconnectTableSaysHowManyNodesRanAndReadsOneNodeForOlderResults(@TempDir Path dir) throws Exception {
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("node_ready_after_kill_seconds", 17.6);
        results.put("members_dropped", 2500);
        results.put("all_resynced", true);
        results.put("all_resynced_after_kill_seconds", 4.2);
        results.put("all_resynced_after_node_ready_seconds", -13.4);
        results.put("reconnect_attempts", 2600);
        results.put("messages_acked", 300);
        results.put("messages_lost", 0);
        results.put("duplicates_dropped", 1);
        Map<String, Object> older = new LinkedHashMap<>(results);
        older.remove("members_dropped");
        results.put("messages_not_delivered_live", 2);
        RunReport twoNodes = new RunReport("reconnect", "reconnect-n5000-2nodes", "reconnect --nodes 2",
                "2026-01-02T00:00:00Z", 60, MACHINE, Map.of("members", 5000, "nodes", 2, "node_restart",
                "after the dropped clients resynced"), results, List.of(), "s");
        RunReport oneNode = new RunReport("reconnect", "reconnect-n5000", "reconnect", "2026-01-01T00:00:00Z", 60,
                MACHINE, Map.of("members", 5000), older, List.of(), "s");

        String md = render(dir, twoNodes, oneNode);

        assertTrue(md.contains("| 5000 | 2 (node 1 killed, restarted after the dropped clients resynced) | 2500 | 17.6 "
                + "| 4.2 | -13.4 | 2600 | 300 | 2 | 0 | 1 |"), md);
        assertTrue(md.contains("| 5000 | 1 (killed) | - | 17.6 | 4.2 | -13.4 | 2600 | 300 | - | 0 | 1 |"), md);
    }

    @Test
    void theCatchUpTableShowsEachMembersSyncTimeAndWhatWasMissingOrClosed(@TempDir Path dir) throws Exception {
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("sync_latency_ms", new LatencySummary(1000, 5394.4, 9748.5, 10534.9, 10600, 10674.2, 5000));
        results.put("all_caught_up_after_seconds", 10.69);
        results.put("replayed_per_second", 18500);
        results.put("missing", 0);
        results.put("errors", 0);
        results.put("closed_after_sync", 3);
        results.put("connect_failures", 0);

        String md = render(dir, new RunReport("catchup", "catchup-n1000-c20", "catchup", "2026-01-03T00:00:00Z",
                60, MACHINE, Map.of("members", 1000, "channels", 20, "messages_per_channel", 10), results, List.of(),
                "s"));

        assertTrue(md.contains("## catchup"), md);
        assertTrue(md.contains("| 1000 | 20 | 10 | 5394.4 / 9748.5 / 10534.9 / 10674.2 | 10.69 | 18500 | 0 | 0 | 3 "
                + "| 0 |"), md);
    }

    @Test
    void theThroughputTableCountsTheSecondsOverTheLimitAndSaysWhenTheyWereNotRecorded(@TempDir Path dir)
            throws Exception {
        LatencySummary fast = new LatencySummary(100, 10, 20, 30, 40, 50, 12);
        LatencySummary slow = new LatencySummary(100, 150, 250, 400, 450, 500, 160);
        StepResult timed = new StepResult(1000, 3000, 1000, 9000, fast, slow, 0, 2, 0, false,
                List.of(new SecondSummary(0, 1000, fast, fast), new SecondSummary(1, 1000, fast, slow),
                        new SecondSummary(2, 1000, fast, slow)));
        StepResult untimed = new StepResult(500, 1500, 500, 4500, fast, fast, 0, 0, 0, true, null);
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("highest_passing_rate", 500);
        results.put("highest_passing_acked_per_second", 500.0);
        results.put("steps", List.of(untimed, timed));

        String md = render(dir, new RunReport("throughput", "throughput-100x10", "throughput",
                "2026-01-04T00:00:00Z", 60, MACHINE, Map.of("channels", 100, "members_per_channel", 10,
                "step_seconds", 3, "p99_limit_ms", 200.0, "warm_up_seconds", 10, "warm_up_rate", 500), results,
                List.of(), "s"));

        assertTrue(md.contains("after an unmeasured warm-up of 10 s at 500/s"), md);
        assertTrue(md.contains("| 1000 | 1000.0 | 9000.0 | 10.0 / 30.0 | 150.0 / 250.0 / 400.0 / 500.0 | 2 of 3 "
                + "| 0 | 2 | 0 | no |"), md);
        assertTrue(md.contains("| 500 | 500.0 | 4500.0 | 10.0 / 30.0 | 10.0 / 20.0 / 30.0 / 50.0 | - | 0 | 0 | 0 "
                + "| yes |"), md);
    }
}
