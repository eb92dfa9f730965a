package org.chatserver.bench.scenario;

import static java.lang.Double.NaN;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;
import org.chatserver.bench.client.Backoff;
import org.chatserver.bench.client.ChatMember;
import org.chatserver.bench.client.MemberEvents;
import org.chatserver.bench.client.NodeRouting;
import org.chatserver.bench.report.Chart;
import org.chatserver.bench.report.Target;
import org.chatserver.bench.server.ServerNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code reconnect}: N members in channels of K, all online, a light send load running, spread over the stack's
 * nodes; the local stack kills node 1 (SIGKILL) and starts it again ({@code ./chat node restart 1}). Every dropped
 * client reconnects with PROTOCOL.md's jittered backoff and {@code sync}s all its channels. Measures the time from
 * the kill until every dropped client is resynced, and the messages lost (must be 0). After the last send the run
 * waits up to {@value #SETTLE_MILLIS} ms for every member to have every acked message of its channel; what is still
 * missing then was not delivered live (reported), and the members missing it {@code sync}, as a client does when
 * it learns of a gap: an acked message that sync does not return either is lost.
 *
 * <p>With {@code --nodes} n &gt; 1 the run starts nodes 2..n through the launcher unless they are running, and stops
 * the ones it started at its end, failed or not, so that the next run finds the usual one-node stack. In 0-based
 * node indices (index 0 is node 1), member i connects first to its home node i mod n, and its reconnect attempt a
 * goes to node (home + 1 + a) mod n ({@link NodeRouting}): like a load balancer that passes over the node refusing
 * connections, the first attempt goes to another node, so the dropped clients need not wait for node 1's restart.
 * Only node 1's members are dropped (any close after the kill counts), so "all resynced" means every member dropped
 * after the kill ({@link DroppedMembers}), not every member; the lost messages are counted over every member, and
 * a channel of K consecutive members mixes the nodes' members, so delivery across nodes is part of the test. With
 * n = 1 every client waits for node 1 to come back.
 *
 * <p>Threads: the picocli thread drives the run; reconnect attempts run on a small scheduler of rest-concurrency
 * threads (tickets are blocking REST calls, so that bounds them over all nodes); frames arrive on Netty threads.
 * Shared state is atomic, concurrent or synchronized.
 */
@Command(name = "reconnect", mixinStandardHelpOptions = true,
        description = "Kill and restart server node 1 while the other nodes run: time until all dropped clients "
                + "resynced, messages lost.")
public final class ReconnectScenario implements Callable<Integer> {

    /** The node killed and restarted: the stack's own, whose members the others take over. */
    private static final int KILLED_NODE = ServerNode.FIRST_NODE;
    /** Load before the kill, so that live delivery is under way when the node dies. */
    private static final long LOAD_BEFORE_KILL_MILLIS = 3000;
    /** How often the wait for the resyncs looks. */
    private static final long POLL_MILLIS = 100;
    /** After the dropped clients settled, how long to watch for late closes (which reopen the wait). */
    private static final long GRACE_MILLIS = 3000;
    /** How long the sender gets to end once told to. */
    private static final long SENDER_JOIN_MILLIS = 5000;
    /** After the last send, time for its acks and deliveries (and the syncs they trigger) before the first count. */
    private static final long DRAIN_MILLIS = 5000;
    /**
     * After the last send, how long live delivery may take at most: until then the run waits for every member to
     * have every acked message of its channel. A message still missing then was not delivered live.
     */
    private static final long SETTLE_MILLIS = 60_000;
    /**
     * How long the final {@code sync} of the members still missing messages may take: what it does not bring back
     * either is lost.
     */
    private static final long FINAL_SYNC_MILLIS = 30_000;
    /** The sender stops this long after the resync timeout at the latest, if nobody stops it. */
    private static final long SENDER_SLACK_SECONDS = 60;
    /** A reconnect attempt that has no {@code hello} after this long fails and the next one is scheduled. */
    private static final long ATTEMPT_TIMEOUT_SECONDS = 30;
    /** How often the chart's timeline and the progress line are taken. */
    private static final long TIMELINE_MILLIS = 250;
    private static final long PROGRESS_MILLIS = 2000;
    /** Issue 5's reconnect target: from this many clients, all resynced within the limit. */
    private static final int TARGET_MEMBERS = 5000;
    private static final double TARGET_RESYNC_SECONDS = 30;

    @Mixin
    BenchOptions options;

    @Spec
    CommandSpec spec;

    @Option(names = {"-n", "--members"}, defaultValue = "1000",
            description = "Connected members (default: ${DEFAULT-VALUE}).")
    int members;

    @Option(names = "--nodes", defaultValue = "2",
            description = "Server nodes (default: ${DEFAULT-VALUE}). Nodes 2..n (node N's HTTP port: --url's + N - 1) "
                    + "are started through the launcher unless running; the ones started are stopped at the end. "
                    + "Node 1 is killed. In node indices (0 = node 1), member i connects to node i mod n, and its "
                    + "reconnect attempt a (from 0) goes to node (home + 1 + a) mod n: the next node first. With 1, "
                    + "every client waits for node 1 to come back.")
    int nodes;

    @Option(names = "--restart-after-resync",
            description = "Start node 1 again only once the dropped clients resynced on the other nodes, as a node "
                    + "restarting on its own host would, instead of right after the kill: on one machine the boot of "
                    + "node 1 takes the CPU the surviving nodes need for the reconnects. Needs --nodes 2 or more.")
    boolean restartAfterResync;

    @Option(names = {"-k", "--channel-size"}, defaultValue = "10",
            description = "Members per channel (default: ${DEFAULT-VALUE}).")
    int channelSize;

    @Option(names = "--send-rate", defaultValue = "20",
            description = "Messages per second sent by connected members throughout (default: ${DEFAULT-VALUE}).")
    int sendRate;

    @Option(names = "--timeout-seconds", defaultValue = "240",
            description = "Longest wait, from the kill, for every dropped client to be resynced (default: "
                    + "${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--max-attempts", defaultValue = "50",
            description = "Reconnect attempts per client before it gives up (default: ${DEFAULT-VALUE}).")
    int maxAttempts;

    @Option(names = "--seed", defaultValue = "5",
            description = "Seed of the backoff jitter (default: ${DEFAULT-VALUE}).")
    long seed;

    private final AtomicBoolean reconnecting = new AtomicBoolean();
    private final AtomicLong killNanos = new AtomicLong();
    private final AtomicInteger connected = new AtomicInteger();
    private final DroppedMembers drops = new DroppedMembers();
    /**
     * CPU seconds used since the kill, {surviving nodes, this load generator}, taken on each timeline tick while the
     * dropped clients have not all resynced: what the failover cost, to within a tick.
     */
    private final AtomicReference<double[]> cpuUntilResynced = new AtomicReference<>(new double[] {NaN, NaN});
    private final AtomicLong firstReconnectNanos = new AtomicLong();
    private final AtomicLong attempts = new AtomicLong();
    /** Acked seqs per channel. */
    private final Map<String, ConcurrentSkipListSet<Long>> acked = new ConcurrentHashMap<>();

    @Override
    public Integer call() throws Exception {
        if (nodes < 1) {
            throw new ParameterException(spec.commandLine(), "--nodes must be at least 1: " + nodes);
        }
        if (restartAfterResync && nodes == 1) {
            throw new ParameterException(spec.commandLine(), "--restart-after-resync needs a second node to resync "
                    + "on (--nodes 2 or more)");
        }
        NodeRouting routing = new NodeRouting(nodes);
        try (BenchRun run = new BenchRun(options, "reconnect", CommandLines.of(spec))) {
            List<Integer> started = new ArrayList<>();
            try {
                startNodes(run, started);
                return execute(run, routing);
            } finally {
                stopNodes(run, started);
            }
        }
    }

    /** Starts the nodes 2..n that are not running, adding each one started to {@code started}. */
    private void startNodes(BenchRun run, List<Integer> started) throws IOException, InterruptedException {
        for (int node = ServerNode.FIRST_NODE + 1; node <= nodes; node++) {
            if (run.server.isRunning(node)) {
                run.progress.line("reconnect", "node " + node + " is running already; it is left running");
                continue;
            }
            run.progress.line("reconnect", "starting node " + node + " (" + launcherCommand("start", node) + ")");
            Path log = nodeLog("start", node);
            int exit = run.server.start(node, log);
            if (exit != 0) {
                throw new IOException(launcherCommand("start", node) + " exited " + exit + "; see " + log);
            }
            started.add(node);
            run.progress.line("reconnect", "node " + node + " ready at " + NodeRouting.url(options.url, node));
        }
    }

    /**
     * Stops the nodes this run started. Runs in a {@code finally}: a failure is reported, not thrown, so that it
     * does not hide the run's own outcome.
     */
    private void stopNodes(BenchRun run, List<Integer> started) throws InterruptedException {
        for (int node : started) {
            run.progress.line("reconnect", "stopping node " + node + " (" + launcherCommand("stop", node) + ")");
            try {
                int exit = run.server.stop(node, nodeLog("stop", node));
                if (exit != 0) {
                    run.progress.line("reconnect", launcherCommand("stop", node) + " exited " + exit
                            + "; the node may still run");
                }
            } catch (IOException e) {
                run.progress.line("reconnect", launcherCommand("stop", node) + " failed (" + e.getMessage()
                        + "); the node may still run");
            }
        }
    }

    private String launcherCommand(String command, int node) {
        return options.server.launcher() + " node " + command + " " + node;
    }

    /** @return the log file of a launcher command on a node, in the results folder */
    private Path nodeLog(String command, int node) throws IOException {
        Files.createDirectories(options.out);
        return options.out.resolve("reconnect-node-" + command + "-" + node + ".log");
    }

    private int execute(BenchRun run, NodeRouting routing) throws Exception {
        Backoff backoff = new Backoff(new Random(seed));
        // Its threads start with the first task, at the kill: a failed set-up leaves none behind.
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(options.restConcurrency, r -> {
            Thread t = new Thread(r, "bench-reconnect");
            t.setDaemon(true);
            return t;
        });
        AtomicReferenceArray<Boolean> online = new AtomicReferenceArray<>(members);
        AtomicLong duplicates = new AtomicLong();
        AtomicLong gaps = new AtomicLong();
        Map<String, AtomicLong> closes = new ConcurrentHashMap<>();
        List<ChatMember> all = new ArrayList<>();
        MemberEvents events = new MemberEvents() {
            @Override
            public void onHello(ChatMember m) {
                online.set(m.index(), true);
                connected.incrementAndGet();
                if (reconnecting.get()) {
                    firstReconnectNanos.compareAndSet(0, System.nanoTime());
                    m.syncAll();
                }
            }

            @Override
            public void onResynced(ChatMember m) {
                drops.resynced(m.index(), System.nanoTime());
            }

            @Override
            public void onAck(ChatMember m, String id, String channel, long seq, long nanos) {
                acked.computeIfAbsent(channel, c -> new ConcurrentSkipListSet<>()).add(seq);
            }

            @Override
            public void onDuplicate(ChatMember m, String channel, long seq, String id) {
                duplicates.incrementAndGet();
            }

            @Override
            public void onGap(ChatMember m, String channel, long expectedSeq, long seq) {
                gaps.incrementAndGet();
            }

            @Override
            public void onClosed(ChatMember m, int code) {
                closes.computeIfAbsent(Integer.toString(code), c -> new AtomicLong()).incrementAndGet();
                if (Boolean.TRUE.equals(online.getAndSet(m.index(), false))) {
                    connected.decrementAndGet();
                    if (reconnecting.get()) {
                        drops.dropped(m.index());
                        schedule(run, routing, scheduler, backoff, m, 0);
                    }
                }
            }
        };
        List<String> users = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            users.add("r" + i);
        }
        all.addAll(run.members(users, i -> events));
        String[] channelOf = new String[members];
        Map<String, List<ChatMember>> membersOf = new LinkedHashMap<>();
        for (int c = 0; c * channelSize < members; c++) {
            List<ChatMember> group = all.subList(c * channelSize, Math.min(members, (c + 1) * channelSize));
            String id = run.channel(group.get(0), group.subList(1, group.size()), "reconnect-" + c);
            group.forEach(m -> channelOf[m.index()] = id);
            membersOf.put(id, group);
        }
        int failed = run.connectAll(all, m -> run.restOfNode(routing.home(m.index())));
        Map<Integer, Integer> membersPerNode = new TreeMap<>();
        for (int node = ServerNode.FIRST_NODE; node <= nodes; node++) {
            membersPerNode.put(node, 0);
        }
        for (ChatMember m : all) {
            if (Boolean.TRUE.equals(online.get(m.index()))) {
                membersPerNode.merge(routing.home(m.index()), 1, Integer::sum);
            }
        }
        run.progress.line("reconnect", "connected members per node: " + membersPerNode);
        // The surviving nodes were started by this run: let their JIT settle, as the suite does for node 1 and as a
        // node that has served for a while would be, so that the failover measures reconnects, not compilation.
        for (int node = KILLED_NODE + 1; node <= nodes; node++) {
            int quietNode = node;
            OptionalLong percent = run.server.awaitQuiet(node, busy -> run.progress.line("reconnect", "node "
                    + quietNode + " busy (" + busy + " % of a core); waiting before the kill"));
            run.progress.line("reconnect", "node " + node + " at " + (percent.isPresent() ? percent.getAsLong()
                    + " % of a core" : "unknown CPU") + " before the kill");
        }

        AtomicBoolean sending = new AtomicBoolean(true);
        AtomicLong sent = new AtomicLong();
        Thread sender = new Thread(() -> sendLoop(all, channelOf, sending, sent), "bench-reconnect-sender");
        sender.setDaemon(true);
        sender.start();
        Thread.sleep(LOAD_BEFORE_KILL_MILLIS);

        List<double[]> timeline = new ArrayList<>();
        reconnecting.set(true);
        long kill = System.nanoTime();
        killNanos.set(kill);
        run.progress.line("reconnect", restartAfterResync
                ? "killing node " + KILLED_NODE + " of " + nodeCount() + " (SIGKILL); " + launcherCommand("start",
                        KILLED_NODE) + " once the dropped clients resynced"
                : "killing and restarting node " + KILLED_NODE + " of " + nodeCount() + " ("
                        + launcherCommand("restart", KILLED_NODE) + ")");
        double[] cpuAtKill = cpuSeconds(run);
        scheduler.scheduleAtFixedRate(() -> {
            synchronized (timeline) {
                timeline.add(new double[] {(System.nanoTime() - kill) / 1e9, connected.get(), drops.droppedCount(),
                        drops.resyncedCount()});
            }
            if (!drops.settled()) {
                double[] now = cpuSeconds(run);
                cpuUntilResynced.set(new double[] {now[0] - cpuAtKill[0], now[1] - cpuAtKill[1]});
            }
        }, 0, TIMELINE_MILLIS, TimeUnit.MILLISECONDS);
        int restartExit;
        double readySeconds;
        Missing missingAfterDrain;
        Missing missingLive;
        double settledSeconds;
        Missing lost;
        try (AutoCloseable ticker = run.progress.every(PROGRESS_MILLIS, "reconnect", () -> String.format(Locale.ROOT,
                "connected %d/%d, dropped %d, resynced %d, attempts %d, acked messages %d", connected.get(),
                members, drops.droppedCount(), drops.resyncedCount(), attempts.get(), ackedCount()))) {
            long deadline = kill + TimeUnit.SECONDS.toNanos(timeoutSeconds);
            if (restartAfterResync) {
                run.server.kill(KILLED_NODE);
                awaitResyncs(deadline);
                restartExit = run.server.start(KILLED_NODE, nodeLog("start", KILLED_NODE));
            } else {
                restartExit = run.server.restart(KILLED_NODE, nodeLog("restart", KILLED_NODE));
            }
            readySeconds = (System.nanoTime() - kill) / 1e9;
            run.progress.line("reconnect", String.format(Locale.ROOT, "node %d start exited %d after %.1f s",
                    KILLED_NODE, restartExit, readySeconds));
            awaitResyncs(deadline);
            sending.set(false);
            sender.join(SENDER_JOIN_MILLIS);
            long stopped = System.nanoTime();
            Thread.sleep(DRAIN_MILLIS);
            missingAfterDrain = missing(membersOf);
            missingLive = awaitMissing(membersOf, stopped + TimeUnit.MILLISECONDS.toNanos(SETTLE_MILLIS));
            settledSeconds = missingLive.messages() == 0 ? (System.nanoTime() - stopped) / 1e9 : Double.NaN;
            if (missingLive.messages() > 0) {
                // What a client does when it learns of a gap: sync. A message the database returns was late, not lost.
                run.progress.line("reconnect", missingLive.messages() + " acked messages not delivered live "
                        + SETTLE_MILLIS / 1000 + " s after the last send; syncing the members that miss them");
                missingLive.members().forEach(ChatMember::syncAll);
            }
            lost = awaitMissing(membersOf, System.nanoTime()
                    + TimeUnit.MILLISECONDS.toNanos(missingLive.messages() > 0 ? FINAL_SYNC_MILLIS : 0));
        } finally {
            // The measurement ends here: closes from now on (the stop of the nodes started) are not reconnected.
            reconnecting.set(false);
            scheduler.shutdownNow();
        }
        boolean allResynced = drops.allResynced();
        double resyncSeconds = allResynced ? (drops.lastResyncNanos() - kill) / 1e9 : Double.NaN;
        long firstReconnect = firstReconnectNanos.get();

        long lostMessages = lost.messages();

        Map<String, Object> results = new LinkedHashMap<>();
        results.put("node_restart_exit", restartExit);
        results.put("node_ready_after_kill_seconds", round(readySeconds));
        results.put("first_reconnect_after_kill_seconds",
                round(firstReconnect == 0 ? Double.NaN : (firstReconnect - kill) / 1e9));
        results.put("members_per_node_at_start", membersPerNode);
        results.put("members_dropped", drops.droppedCount());
        results.put("all_resynced", allResynced);
        results.put("resynced_clients", drops.resyncedCount());
        results.put("all_resynced_after_kill_seconds", round(resyncSeconds));
        results.put("all_resynced_after_node_ready_seconds", round(resyncSeconds - readySeconds));
        results.put("reconnect_attempts", attempts.get());
        double[] cpu = cpuUntilResynced.get();
        results.put("surviving_nodes_cpu_seconds_until_resynced", round(cpu[0]));
        results.put("surviving_nodes_cpu_ms_per_dropped_client", round(cpu[0] * 1000 / drops.droppedCount()));
        results.put("load_generator_cpu_seconds_until_resynced", round(cpu[1]));
        results.put("gave_up", drops.gaveUpCount());
        results.put("messages_sent", sent.get());
        results.put("messages_acked", ackedCount());
        results.put("messages_missing_after_drain", missingAfterDrain.messages());
        results.put("messages_not_delivered_live", missingLive.messages());
        results.put("live_delivery_settled_after_last_send_seconds", round(settledSeconds));
        results.put("messages_lost", lostMessages);
        results.put("member_deliveries_lost", lost.memberDeliveries());
        results.put("duplicates_dropped", duplicates.get());
        results.put("gaps_seen", gaps.get());
        results.put("connect_failures", failed);
        results.put("closes", closes);

        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("members", members);
        parameters.put("nodes", nodes);
        parameters.put("killed_node", KILLED_NODE);
        parameters.put("node_restart", restartAfterResync ? "after the dropped clients resynced" : "at the kill");
        parameters.put("reconnect_routing", NodeRouting.RULE);
        parameters.put("channel_size", channelSize);
        parameters.put("send_rate", sendRate);
        parameters.put("backoff", "0.5 s doubling to 30 s, +-50 % jitter");
        parameters.put("lost", "acked messages that a member of their channel does not have " + SETTLE_MILLIS / 1000
                + " s after the last send, nor after a sync then");
        parameters.put("workspace", run.workspace);

        List<Target> targets = new ArrayList<>();
        if (members >= TARGET_MEMBERS) {
            targets.add(Targets.below("reconnect of " + members + " clients: all resynced after the kill",
                    allResynced ? resyncSeconds : timeoutSeconds, TARGET_RESYNC_SECONDS, "s"));
        }
        targets.add(Targets.zero("reconnect of " + members + " clients: messages lost", lostMessages));
        String summary = String.format(Locale.ROOT,
                "reconnect N=%d on %s: node %d ready %.1f s after kill, %d dropped, %s %.1f s after kill (%.1f s "
                        + "after ready), %d attempts, %d acked, %d not delivered live, lost %d", members, nodeCount(),
                KILLED_NODE, readySeconds, drops.droppedCount(), allResynced ? "all resynced" : "NOT all resynced",
                resyncSeconds, resyncSeconds - readySeconds, attempts.get(), ackedCount(), missingLive.messages(),
                lostMessages);
        Chart chart = new Chart("reconnect: " + members + " clients on " + nodeCount() + ", node " + KILLED_NODE
                + " killed at t = 0", "seconds after the kill", "clients");
        synchronized (timeline) {
            double[] t = timeline.stream().mapToDouble(r -> r[0]).toArray();
            chart.line("connected", t, timeline.stream().mapToDouble(r -> r[1]).toArray());
            chart.line("dropped", t, timeline.stream().mapToDouble(r -> r[2]).toArray());
            chart.line("resynced", t, timeline.stream().mapToDouble(r -> r[3]).toArray());
        }
        // One node keeps the label of the runs before --nodes, so that a repeat replaces its result.
        String label = "reconnect-n" + members + (nodes == 1 ? "" : "-" + nodes + "nodes")
                + (restartAfterResync ? "-restart-after-resync" : "");
        run.finish(label, parameters, results, targets, summary, chart);
        return allResynced && lostMessages == 0 && restartExit == 0 ? 0 : 1;
    }

    /**
     * Acked messages that some member of their channel does not have yet.
     *
     * @param messages         how many acked messages miss at least one member
     * @param memberDeliveries how many (message, member) pairs are missing
     * @param members          the members that miss something
     */
    private record Missing(long messages, long memberDeliveries, Set<ChatMember> members) {
    }

    /** @param membersOf each channel's members */
    private Missing missing(Map<String, List<ChatMember>> membersOf) {
        long messages = 0;
        long pairs = 0;
        Set<ChatMember> behind = new HashSet<>();
        for (var e : acked.entrySet()) {
            for (long seq : e.getValue()) {
                List<ChatMember> missingHere = membersOf.getOrDefault(e.getKey(), List.of()).stream()
                        .filter(m -> m.lastSeq(e.getKey()) < seq).toList();
                pairs += missingHere.size();
                messages += missingHere.isEmpty() ? 0 : 1;
                behind.addAll(missingHere);
            }
        }
        return new Missing(messages, pairs, behind);
    }

    /** Polls {@link #missing} until nothing is missing or the deadline ({@link System#nanoTime()}) passed. */
    private Missing awaitMissing(Map<String, List<ChatMember>> membersOf, long deadlineNanos)
            throws InterruptedException {
        Missing now = missing(membersOf);
        while (now.messages() > 0 && System.nanoTime() < deadlineNanos) {
            Thread.sleep(POLL_MILLIS);
            now = missing(membersOf);
        }
        return now;
    }

    /**
     * Waits until the dropped clients settled ({@link DroppedMembers#settled}), then for the grace period to catch
     * late closes; a drop still to resync after it reopens the wait. Never past the deadline.
     */
    private void awaitResyncs(long deadlineNanos) throws InterruptedException {
        while (System.nanoTime() < deadlineNanos) {
            if (!drops.settled()) {
                Thread.sleep(POLL_MILLIS);
            } else {
                Thread.sleep(GRACE_MILLIS);
                if (drops.settled()) {
                    return;
                }
            }
        }
    }

    /**
     * @return CPU seconds used so far by {surviving nodes 2..n together (NaN with one node or if unknown), this
     *         process}
     */
    private double[] cpuSeconds(BenchRun run) {
        double nodesCpu = nodes == 1 ? NaN : 0;
        for (int node = KILLED_NODE + 1; node <= nodes; node++) {
            nodesCpu += run.server.cpuTime(node).map(d -> d.toNanos() / 1e9).orElse(NaN);
        }
        double own = ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(NaN);
        return new double[] {nodesCpu, own};
    }

    /** @return "1 node" or "n nodes" */
    private String nodeCount() {
        return nodes + (nodes == 1 ? " node" : " nodes");
    }

    private long ackedCount() {
        return acked.values().stream().mapToLong(ConcurrentSkipListSet::size).sum();
    }

    /** Schedules reconnect attempt {@code attempt} of a dropped member, to the node {@link NodeRouting} names. */
    private void schedule(BenchRun run, NodeRouting routing, ScheduledExecutorService scheduler, Backoff backoff,
            ChatMember m, int attempt) {
        if (attempt >= maxAttempts
                || System.nanoTime() - killNanos.get() > TimeUnit.SECONDS.toNanos(timeoutSeconds)) {
            drops.gaveUp(m.index());
            return;
        }
        try {
            scheduler.schedule(() -> {
                attempts.incrementAndGet();
                try {
                    m.connect(run.restOfNode(routing.reconnectNode(m.index(), attempt)), run.connector,
                                    run.addresses.addressOf(m.index()))
                            .orTimeout(ATTEMPT_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                            .whenComplete((ok, e) -> {
                                if (e != null) {
                                    schedule(run, routing, scheduler, backoff, m, attempt + 1);
                                }
                            });
                } catch (IOException | RuntimeException e) {
                    schedule(run, routing, scheduler, backoff, m, attempt + 1);
                }
            }, backoff.delayMillis(attempt), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            drops.gaveUp(m.index());
        }
    }

    /** Sends {@code sendRate} messages a second, round robin over the members that are connected. Bounded by time. */
    private void sendLoop(List<ChatMember> all, String[] channelOf, AtomicBoolean sending, AtomicLong sent) {
        long n = 0;
        long t0 = System.nanoTime();
        long end = t0 + TimeUnit.SECONDS.toNanos(timeoutSeconds + SENDER_SLACK_SECONDS);
        while (sending.get() && System.nanoTime() < end) {
            long wait = t0 + StepSearch.dueNanos(n, sendRate) - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            ChatMember m = all.get((int) (n % all.size()));
            n++;
            if (m.isConnected()) {
                m.send(channelOf[m.index()], "r-" + n, "reconnect message " + n);
                sent.incrementAndGet();
            }
        }
    }

    private static double round(double v) {
        return Double.isNaN(v) ? -1 : Math.round(v * 10) / 10.0;
    }
}
