package org.chatserver.bench.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.chatserver.bench.client.Backoff;
import org.chatserver.bench.client.ChatMember;
import org.chatserver.bench.client.MemberEvents;
import org.chatserver.bench.report.Chart;
import org.chatserver.bench.report.Target;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code reconnect}: N members in channels of K, all online, a light send load running; the local stack kills the
 * server node (SIGKILL) and starts it again ({@code ./chat node restart}). Every dropped client reconnects with
 * PROTOCOL.md's jittered backoff and {@code sync}s all its channels. Measures the time from the kill until every
 * client is resynced, and the messages lost: acked messages that some member of their channel does not have at the
 * end (must be 0).
 *
 * <p>Threads: the picocli thread drives the run; reconnect attempts run on a small scheduler (tickets are blocking
 * REST calls, bounded by rest-concurrency); frames arrive on Netty threads. Shared state is atomic or concurrent.
 */
@Command(name = "reconnect", mixinStandardHelpOptions = true,
        description = "Kill and restart the server node: time until all clients resynced, messages lost.")
public final class ReconnectScenario implements Callable<Integer> {

    @Mixin
    BenchOptions options;

    @Spec
    CommandSpec spec;

    @Option(names = {"-n", "--members"}, defaultValue = "1000",
            description = "Connected members (default: ${DEFAULT-VALUE}).")
    int members;

    @Option(names = {"-k", "--channel-size"}, defaultValue = "10",
            description = "Members per channel (default: ${DEFAULT-VALUE}).")
    int channelSize;

    @Option(names = "--send-rate", defaultValue = "20",
            description = "Messages per second sent by connected members throughout (default: ${DEFAULT-VALUE}).")
    int sendRate;

    @Option(names = "--timeout-seconds", defaultValue = "240",
            description = "Longest wait, from the kill, for every client to be resynced (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--max-attempts", defaultValue = "50",
            description = "Reconnect attempts per client before it gives up (default: ${DEFAULT-VALUE}).")
    int maxAttempts;

    @Option(names = "--seed", defaultValue = "5", description = "Seed of the backoff jitter (default: ${DEFAULT-VALUE}).")
    long seed;

    private final AtomicBoolean reconnecting = new AtomicBoolean();
    private final AtomicLong killNanos = new AtomicLong();
    private final AtomicInteger connected = new AtomicInteger();
    private final AtomicInteger resynced = new AtomicInteger();
    private final AtomicLong lastResyncNanos = new AtomicLong();
    private final AtomicLong firstReconnectNanos = new AtomicLong();
    private final AtomicLong attempts = new AtomicLong();
    private final AtomicInteger gaveUp = new AtomicInteger();
    /** Acked seqs per channel. */
    private final Map<String, ConcurrentSkipListSet<Long>> acked = new ConcurrentHashMap<>();

    @Override
    public Integer call() throws Exception {
        try (BenchRun run = new BenchRun(options, "reconnect", CommandLines.of(spec))) {
            return execute(run);
        }
    }

    private int execute(BenchRun run) throws Exception {
        Backoff backoff = new Backoff(new Random(seed));
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
                resynced.incrementAndGet();
                lastResyncNanos.accumulateAndGet(System.nanoTime(), Math::max);
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
                        schedule(run, scheduler, backoff, m, 0);
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
        for (int c = 0; c * channelSize < members; c++) {
            List<ChatMember> group = all.subList(c * channelSize, Math.min(members, (c + 1) * channelSize));
            String id = run.channel(group.get(0), group.subList(1, group.size()), "reconnect-" + c);
            group.forEach(m -> channelOf[m.index()] = id);
        }
        int failed = run.connectAll(all);

        AtomicBoolean sending = new AtomicBoolean(true);
        AtomicLong sent = new AtomicLong();
        Thread sender = new Thread(() -> sendLoop(all, channelOf, sending, sent), "bench-reconnect-sender");
        sender.setDaemon(true);
        sender.start();
        Thread.sleep(3000);

        List<double[]> timeline = new ArrayList<>();
        reconnecting.set(true);
        long kill = System.nanoTime();
        killNanos.set(kill);
        run.progress.line("reconnect", "killing and restarting the server node (" + options.server.launcher()
                + " node restart)");
        var timelineTask = scheduler.scheduleAtFixedRate(() -> {
            synchronized (timeline) {
                timeline.add(new double[] {(System.nanoTime() - kill) / 1e9, connected.get(), resynced.get()});
            }
        }, 0, 250, TimeUnit.MILLISECONDS);
        int restartExit;
        double readySeconds;
        try (AutoCloseable ticker = run.progress.every(2000, "reconnect", () -> String.format(Locale.ROOT,
                "connected %d/%d, resynced %d, attempts %d, acked messages %d", connected.get(), members,
                resynced.get(), attempts.get(), ackedCount()))) {
            java.nio.file.Files.createDirectories(options.out);
            restartExit = run.server.restart(options.out.resolve("reconnect-node-restart.log"));
            readySeconds = (System.nanoTime() - kill) / 1e9;
            run.progress.line("reconnect", String.format(Locale.ROOT, "node restart exited %d after %.1f s",
                    restartExit, readySeconds));
            long deadline = kill + TimeUnit.SECONDS.toNanos(timeoutSeconds);
            while (resynced.get() + gaveUp.get() < members - failed && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            Thread.sleep(3000);
            sending.set(false);
            sender.join(5000);
            Thread.sleep(5000);
        }
        timelineTask.cancel(false);
        scheduler.shutdownNow();
        boolean allResynced = resynced.get() >= members - failed;
        double resyncSeconds = allResynced ? (lastResyncNanos.get() - kill) / 1e9 : Double.NaN;

        long lostPairs = 0;
        long lostMessages = 0;
        Map<String, List<ChatMember>> byChannel = new LinkedHashMap<>();
        for (ChatMember m : all) {
            byChannel.computeIfAbsent(channelOf[m.index()], c -> new ArrayList<>()).add(m);
        }
        for (var e : acked.entrySet()) {
            for (long seq : e.getValue()) {
                long missingHere = byChannel.getOrDefault(e.getKey(), List.of()).stream()
                        .filter(m -> m.lastSeq(e.getKey()) < seq).count();
                lostPairs += missingHere;
                lostMessages += missingHere > 0 ? 1 : 0;
            }
        }

        Map<String, Object> results = new LinkedHashMap<>();
        results.put("node_restart_exit", restartExit);
        results.put("node_ready_after_kill_seconds", round(readySeconds));
        results.put("first_reconnect_after_kill_seconds",
                round((firstReconnectNanos.get() - kill) / 1e9));
        results.put("all_resynced", allResynced);
        results.put("resynced_clients", resynced.get());
        results.put("all_resynced_after_kill_seconds", round(resyncSeconds));
        results.put("all_resynced_after_node_ready_seconds", round(resyncSeconds - readySeconds));
        results.put("reconnect_attempts", attempts.get());
        results.put("gave_up", gaveUp.get());
        results.put("messages_sent", sent.get());
        results.put("messages_acked", ackedCount());
        results.put("messages_lost", lostMessages);
        results.put("member_deliveries_lost", lostPairs);
        results.put("duplicates_dropped", duplicates.get());
        results.put("gaps_seen", gaps.get());
        results.put("connect_failures", failed);
        results.put("closes", closes);

        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("members", members);
        parameters.put("channel_size", channelSize);
        parameters.put("send_rate", sendRate);
        parameters.put("backoff", "0.5 s doubling to 30 s, +-50 % jitter");
        parameters.put("workspace", run.workspace);

        List<Target> targets = new ArrayList<>();
        if (members >= 5000) {
            targets.add(Targets.below("reconnect of " + members + " clients: all resynced after the kill",
                    allResynced ? resyncSeconds : timeoutSeconds, 30, "s"));
        }
        targets.add(Targets.zero("reconnect of " + members + " clients: messages lost", lostMessages));
        String summary = String.format(Locale.ROOT,
                "reconnect N=%d: node ready %.1f s after kill, all %s resynced %.1f s after kill (%.1f s after "
                        + "ready), %d attempts, %d acked, lost %d", members, readySeconds, allResynced ? "" : "NOT",
                resyncSeconds, resyncSeconds - readySeconds, attempts.get(), ackedCount(), lostMessages);
        Chart chart = new Chart("reconnect: " + members + " clients, node killed at t = 0", "seconds after the kill",
                "clients");
        synchronized (timeline) {
            double[] t = timeline.stream().mapToDouble(r -> r[0]).toArray();
            chart.line("connected", t, timeline.stream().mapToDouble(r -> r[1]).toArray());
            chart.line("resynced", t, timeline.stream().mapToDouble(r -> r[2]).toArray());
        }
        run.finish("reconnect-n" + members, parameters, results, targets, summary, chart);
        return allResynced && lostMessages == 0 && restartExit == 0 ? 0 : 1;
    }

    private long ackedCount() {
        return acked.values().stream().mapToLong(ConcurrentSkipListSet::size).sum();
    }

    private void schedule(BenchRun run, ScheduledExecutorService scheduler, Backoff backoff, ChatMember m,
            int attempt) {
        if (attempt >= maxAttempts
                || System.nanoTime() - killNanos.get() > TimeUnit.SECONDS.toNanos(timeoutSeconds)) {
            gaveUp.incrementAndGet();
            return;
        }
        try {
            scheduler.schedule(() -> {
                attempts.incrementAndGet();
                try {
                    m.connect(run.rest, run.connector, run.addresses.addressOf(m.index()))
                            .orTimeout(30, TimeUnit.SECONDS)
                            .whenComplete((ok, e) -> {
                                if (e != null) {
                                    schedule(run, scheduler, backoff, m, attempt + 1);
                                }
                            });
                } catch (java.io.IOException | RuntimeException e) {
                    schedule(run, scheduler, backoff, m, attempt + 1);
                }
            }, backoff.delayMillis(attempt), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            gaveUp.incrementAndGet();
        }
    }

    /** Sends {@code sendRate} messages a second, round robin over the members that are connected. Bounded by time. */
    private void sendLoop(List<ChatMember> all, String[] channelOf, AtomicBoolean sending, AtomicLong sent) {
        long n = 0;
        long t0 = System.nanoTime();
        long end = t0 + TimeUnit.SECONDS.toNanos(timeoutSeconds + 60L);
        while (sending.get() && System.nanoTime() < end) {
            long wait = t0 + StepSearch.dueNanos(n, sendRate) - System.nanoTime();
            if (wait > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(wait);
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
