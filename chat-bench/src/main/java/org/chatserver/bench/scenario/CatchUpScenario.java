package org.chatserver.bench.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.chatserver.bench.client.ChatMember;
import org.chatserver.bench.client.MemberEvents;
import org.chatserver.bench.delivery.LatencySummary;
import org.chatserver.bench.report.Chart;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code catchup}: N members who were away while M messages arrived in each of the C channels they all belong to come
 * back at once: they connect, then all send one {@code sync} of every channel at the same moment, as clients do after
 * an outage. Measures per member the time from its {@code sync} until every channel answered {@code synced}, the time
 * until the last member was caught up, the replayed messages missing (must be 0), and the members whose socket ended
 * before they were caught up (must be 0; this client does not reconnect). The messages are sent before
 * the members connect, by senders who are members too, over their WebSockets.
 *
 * <p>Runs on the picocli thread; frames are counted on the Netty threads through thread-safe counters.
 */
@Command(name = "catchup", mixinStandardHelpOptions = true,
        description = "N members in C channels come back after M messages per channel: time until each one's sync"
                + " of every channel is answered.")
public final class CatchUpScenario implements Callable<Integer> {

    /** Senders of the missed messages; each sends well under the server's 20 sends/s per user. */
    private static final int SENDERS = 10;
    private static final long SEND_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(7);

    @Mixin
    BenchOptions options;

    @Spec
    CommandSpec spec;

    @Option(names = {"-n", "--members"}, defaultValue = "1000",
            description = "Members who come back (default: ${DEFAULT-VALUE}).")
    int members;

    @Option(names = {"-c", "--channels"}, defaultValue = "20",
            description = "Channels every member belongs to (default: ${DEFAULT-VALUE}).")
    int channels;

    @Option(names = {"-m", "--messages"}, defaultValue = "10",
            description = "Messages each channel got while the members were away (default: ${DEFAULT-VALUE}).")
    int messages;

    @Option(names = "--timeout-seconds", defaultValue = "300",
            description = "Longest wait for the acks of the sends and, after the syncs, for every member to be caught"
                    + " up (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        try (BenchRun run = new BenchRun(options, "catchup", CommandLines.of(spec))) {
            return execute(run);
        }
    }

    private int execute(BenchRun run) throws Exception {
        Events events = new Events();
        List<String> users = new ArrayList<>();
        for (int i = 0; i < SENDERS; i++) {
            users.add("s" + i);
        }
        for (int i = 0; i < members; i++) {
            users.add("m" + i);
        }
        List<ChatMember> all = run.members(users, i -> events);
        List<ChatMember> senders = all.subList(0, SENDERS);
        List<ChatMember> away = all.subList(SENDERS, all.size());
        List<String> ids = new ArrayList<>();
        for (int c = 0; c < channels; c++) {
            ids.add(run.channel(senders.get(0), all.subList(1, all.size()), "catchup-" + c));
        }
        run.progress.line("catchup", channels + " channels of " + all.size() + " members");

        long toSend = (long) channels * messages;
        int senderFailures = run.connectAll(senders);
        sendMissedMessages(run, senders, ids, events);
        if (senderFailures > 0 || events.acks.get() < toSend) {
            throw new IllegalStateException("only " + events.acks.get() + " of " + toSend + " sends acked");
        }
        int failed = run.connectAll(away);
        List<ChatMember> back = away.stream().filter(ChatMember::isConnected).toList();

        run.startProfile("catchup-n" + members + "-c" + channels);
        long t0 = System.nanoTime();
        back.forEach(m -> {
            events.syncStarted.put(m, System.nanoTime());
            m.syncAll();
        });
        long deadline = t0 + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        try (AutoCloseable ticker = run.progress.every(2000, "catchup", () -> String.format(Locale.ROOT,
                "caught up %d/%d, replayed %d, sync p99 %.1f ms", events.caughtUp.get(), back.size(),
                events.replayed.get(), LatencySummary.ofMicros(events.syncMicros).p99()))) {
            while (events.caughtUp.get() + events.closed() < back.size() && System.nanoTime() < deadline) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
            }
        }
        double allCaughtUpSeconds = events.caughtUp.get() == back.size()
                ? (events.lastCaughtUpNanos.get() - t0) / 1e9 : Double.NaN;
        Map<String, Object> results = new LinkedHashMap<>();
        run.stopProfile(results);

        long expected = back.size() * toSend;
        long missing = Math.max(0, expected - events.replayed.get());
        LatencySummary sync = LatencySummary.ofMicros(events.syncMicros);
        results.put("connected_members", back.size());
        results.put("connect_failures", failed);
        results.put("caught_up", events.caughtUp.get());
        results.put("expected_replayed", expected);
        results.put("replayed", events.replayed.get());
        results.put("missing", missing);
        results.put("errors", events.errors.get());
        results.put("closed_after_sync", events.closed());
        results.put("close_codes", events.closedAfterSync);
        results.put("sync_latency_ms", sync);
        results.put("all_caught_up_after_seconds", Math.round(allCaughtUpSeconds * 100) / 100.0);
        results.put("replayed_per_second", Math.round(events.replayed.get() / ((System.nanoTime() - t0) / 1e9)));

        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("members", members);
        parameters.put("channels", channels);
        parameters.put("messages_per_channel", messages);
        parameters.put("workspace", run.workspace);

        String summary = String.format(Locale.ROOT,
                "catchup N=%d C=%d M=%d: sync p50 %.1f p90 %.1f p99 %.1f max %.1f ms; all caught up after %.2f s;"
                        + " missing %d, errors %d, closed %d, connect failures %d",
                members, channels, messages, sync.p50(), sync.p90(), sync.p99(), sync.max(), allCaughtUpSeconds,
                missing, events.errors.get(), events.closed(), failed);
        Chart chart = new Chart("catchup: " + members + " members sync " + channels + " channels of " + messages
                + " missed messages", "percentile (log scale of 1/(1-p))", "latency (ms)").logX();
        FanoutScenario.addPercentiles(chart, "sync of every channel (per member)", events.syncMicros);
        run.finish("catchup-n" + members + "-c" + channels, parameters, results, List.of(), summary, chart);
        return missing == 0 && failed == 0 && events.errors.get() == 0 && events.closed() == 0
                && events.caughtUp.get() == back.size() ? 0 : 1;
    }

    /** Sends {@code messages} to each channel, round robin over the senders, and waits for their acks. */
    private void sendMissedMessages(BenchRun run, List<ChatMember> senders, List<String> ids, Events events)
            throws Exception {
        long toSend = (long) ids.size() * messages;
        long t0 = System.nanoTime();
        try (AutoCloseable ticker = run.progress.every(2000, "send", () -> events.acks.get() + "/" + toSend
                + " acked")) {
            for (long k = 0; k < toSend; k++) {
                LockSupport.parkNanos(t0 + k * SEND_INTERVAL_NANOS - System.nanoTime());
                senders.get((int) (k % senders.size())).send(ids.get((int) (k % ids.size())), "c-" + k,
                        "missed message " + k);
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(timeoutSeconds).toNanos();
            while (events.acks.get() < toSend && System.nanoTime() < deadline) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
            }
        }
    }

    /** Counts over every member; thread-safe. */
    private static final class Events implements MemberEvents {
        final AtomicLong acks = new AtomicLong();
        final AtomicLong replayed = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        final AtomicLong caughtUp = new AtomicLong();
        /** Members whose socket ended after their sync began, by close code (-1: dropped without a close frame). */
        final Map<Integer, AtomicLong> closedAfterSync = new ConcurrentHashMap<>();
        final AtomicLong lastCaughtUpNanos = new AtomicLong();
        final Map<ChatMember, Long> syncStarted = new ConcurrentHashMap<>();
        final Histogram syncMicros = new ConcurrentHistogram(LatencySummary.HIGHEST_MICROS, 3);

        @Override
        public void onAck(ChatMember member, String clientMsgId, String channel, long seq, long receivedNanos) {
            acks.incrementAndGet();
        }

        @Override
        public void onMessage(ChatMember member, String channel, long seq, String from, String clientMsgId,
                long receivedNanos) {
            if (syncStarted.containsKey(member)) {
                replayed.incrementAndGet();
            }
        }

        @Override
        public void onResynced(ChatMember member) {
            long now = System.nanoTime();
            Long started = syncStarted.get(member);
            if (started != null) {
                syncMicros.recordValue(Math.min(LatencySummary.HIGHEST_MICROS, (now - started) / 1000));
                caughtUp.incrementAndGet();
                lastCaughtUpNanos.accumulateAndGet(now, Math::max);
            }
        }

        @Override
        public void onError(ChatMember member, String code, String ref) {
            errors.incrementAndGet();
        }

        @Override
        public void onClosed(ChatMember member, int code) {
            if (syncStarted.containsKey(member)) {
                closedAfterSync.computeIfAbsent(code, c -> new AtomicLong()).incrementAndGet();
            }
        }

        long closed() {
            return closedAfterSync.values().stream().mapToLong(AtomicLong::get).sum();
        }
    }
}
