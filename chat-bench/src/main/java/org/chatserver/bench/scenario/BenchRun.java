package org.chatserver.bench.scenario;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.chatserver.bench.client.ChatMember;
import org.chatserver.bench.client.ChatRest;
import org.chatserver.bench.client.ConnectFailures;
import org.chatserver.bench.client.NodeRouting;
import org.chatserver.bench.client.SourceAddresses;
import org.chatserver.bench.client.WsConnector;
import org.chatserver.bench.report.Chart;
import org.chatserver.bench.report.LoopbackRoundTrip;
import org.chatserver.bench.report.MachineInfo;
import org.chatserver.bench.report.Progress;
import org.chatserver.bench.report.ReportWriter;
import org.chatserver.bench.report.RunReport;
import org.chatserver.bench.report.Target;
import org.chatserver.bench.server.Hotspots;
import org.chatserver.bench.server.ServerNode;
import org.chatserver.bench.server.ServerProfiler;

/**
 * One scenario run's environment and its shared set-up: the REST and WebSocket clients, progress output, the server
 * node, and the bounded-parallel creation of tokens, channels and connections. Used by one scenario thread; the
 * clients it holds are thread-safe, and so is {@link #restOfNode}. Closing it closes every connection.
 */
final class BenchRun implements AutoCloseable {

    /** Members added to a channel per REST call. */
    private static final int MEMBER_BATCH = 1000;
    /** WebSocket upgrades in flight at once during set-up. */
    private static final int UPGRADES_IN_FLIGHT = 256;

    final BenchOptions options;
    final String scenario;
    final String workspace;
    /** Node 1's REST client, for set-up calls and the connects of scenarios that use one node. */
    final ChatRest rest;
    final WsConnector connector;
    final Progress progress;
    final SourceAddresses addresses;
    final ServerNode server;
    private final Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final long startNanos = System.nanoTime();
    private final ExecutorService setupPool;
    private final String commandLine;
    /** REST clients by node number, node 1's included; the others made on first use. */
    private final Map<Integer, ChatRest> restByNode = new ConcurrentHashMap<>();

    /** Why the connects of {@link #connectAll} failed, over the whole run; in the report when any did. */
    private final ConnectFailures connectFailures = new ConnectFailures();
    /** Measured before anything else the run does, so the machine's own speed is read without the run's load. */
    private final LoopbackRoundTrip loopback;
    private ServerProfiler profiler;

    BenchRun(BenchOptions options, String scenario, String commandLine) {
        this.options = options;
        this.scenario = scenario;
        this.commandLine = commandLine;
        this.workspace = options.workspace != null ? options.workspace
                : "bench-" + scenario + "-" + Long.toString(System.currentTimeMillis() / 1000, 36);
        this.rest = restOfNode(ServerNode.FIRST_NODE);
        this.connector = new WsConnector(options.ioThreads, options.heartbeatMillis);
        this.progress = new Progress(System.out);
        this.addresses = new SourceAddresses(options.perAddress);
        this.server = options.server.node();
        this.setupPool = Executors.newFixedThreadPool(options.restConcurrency, r -> {
            Thread t = new Thread(r, "bench-setup");
            t.setDaemon(true);
            return t;
        });
        this.loopback = LoopbackRoundTrip.measure();
        progress.line(scenario, "workspace " + workspace + ", server " + options.url + ", loopback round trip "
                + (loopback == null ? "not measured" : "p50 " + loopback.p50Micros() + " us"));
    }

    /** Gets a token per user, {@code rest-concurrency} at a time, and makes the members. */
    List<ChatMember> members(List<String> users, IntFunction<org.chatserver.bench.client.MemberEvents> events)
            throws IOException, InterruptedException {
        AtomicInteger done = new AtomicInteger();
        List<Future<ChatMember>> futures = new ArrayList<>();
        try (AutoCloseable ticker = progress.every(2000, "tokens", () -> done.get() + "/" + users.size())) {
            for (int i = 0; i < users.size(); i++) {
                int index = i;
                futures.add(setupPool.submit(() -> {
                    String token = rest.token(workspace, users.get(index));
                    done.incrementAndGet();
                    return new ChatMember(index, users.get(index), token, events.apply(index));
                }));
            }
            List<ChatMember> members = new ArrayList<>(users.size());
            for (Future<ChatMember> f : futures) {
                members.add(get(f));
            }
            progress.line("tokens", users.size() + " users in workspace " + workspace);
            return members;
        } catch (Exception e) {
            throw asIo(e);
        }
    }

    /** Creates a public channel owned by {@code creator} with {@code others} as members; every one joins at seq 0. */
    String channel(ChatMember creator, List<ChatMember> others, String name) throws IOException {
        List<String> ids = others.stream().map(ChatMember::user).toList();
        List<String> first = ids.subList(0, Math.min(ids.size(), MEMBER_BATCH));
        String channel = rest.createPublicChannel(creator.token(), name, first);
        for (int from = MEMBER_BATCH; from < ids.size(); from += MEMBER_BATCH) {
            rest.addMembers(creator.token(), channel, ids.subList(from, Math.min(ids.size(), from + MEMBER_BATCH)));
        }
        creator.joined(channel, 0);
        others.forEach(m -> m.joined(channel, 0));
        return channel;
    }

    /**
     * @param node the node's number ({@link ServerNode} numbers them; node 1 is {@code --url}'s)
     * @return the REST client of that node, at {@link NodeRouting#url}, with its own {@code rest-concurrency} bound
     */
    ChatRest restOfNode(int node) {
        return restByNode.computeIfAbsent(node,
                n -> new ChatRest(NodeRouting.url(options.url, n), options.restConcurrency));
    }

    /**
     * Connects every member to node 1, as {@link #connectAll(List, Function)} does.
     *
     * @return how many failed
     */
    int connectAll(List<ChatMember> members) throws IOException, InterruptedException {
        return connectAll(members, m -> rest);
    }

    /**
     * Connects every member (ticket, upgrade, {@code hello}); tickets {@code rest-concurrency} at a time, at most
     * {@value #UPGRADES_IN_FLIGHT} upgrades in flight.
     *
     * @param restOf the REST client of the node each member connects to: its ticket names that node's WebSocket
     * @return how many failed
     */
    int connectAll(List<ChatMember> members, Function<ChatMember, ChatRest> restOf)
            throws IOException, InterruptedException {
        Semaphore upgrades = new Semaphore(UPGRADES_IN_FLIGHT);
        AtomicInteger connected = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.connectTimeoutSeconds);
        long t0 = System.nanoTime();
        try (AutoCloseable ticker = progress.every(2000, "connect",
                () -> connected.get() + "/" + members.size() + " connected, " + failed.get() + " failed")) {
            List<Future<?>> tickets = new ArrayList<>();
            for (ChatMember member : members) {
                tickets.add(setupPool.submit(() -> {
                    if (!upgrades.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                        failed.incrementAndGet();
                        connectFailures.add("no upgrade slot before the connect timeout");
                        return null;
                    }
                    try {
                        member.connect(restOf.apply(member), connector, addresses.addressOf(member.index()))
                                .orTimeout(30, TimeUnit.SECONDS).whenComplete((m, e) -> {
                                    if (e == null) {
                                        connected.incrementAndGet();
                                    } else {
                                        failed.incrementAndGet();
                                        connectFailures.add(e);
                                    }
                                    upgrades.release();
                                });
                    } catch (IOException | RuntimeException e) {
                        failed.incrementAndGet();
                        connectFailures.add(e);
                        upgrades.release();
                    }
                    return null;
                }));
            }
            for (Future<?> f : tickets) {
                get(f);
            }
            while (connected.get() + failed.get() < members.size() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        } catch (Exception e) {
            throw asIo(e);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        progress.line("connect", String.format(java.util.Locale.ROOT, "%d connected in %.1f s (%.0f/s), %d failed",
                connected.get(), seconds, connected.get() / seconds, members.size() - connected.get()));
        if (failed.get() > 0) {
            progress.line("connect", "failures so far, by reason: " + connectFailures.counts());
        }
        return members.size() - connected.get();
    }

    /** Starts a JFR recording of the server if {@code --profile} was given. */
    void startProfile(String name) throws IOException, InterruptedException {
        if (options.profile) {
            java.nio.file.Files.createDirectories(options.out);
            profiler = new ServerProfiler(server);
            profiler.start(options.out.resolve(name + ".jfr"));
            progress.line("profile", "JFR recording of server pid " + server.pid());
        }
    }

    /** Stops the recording, if any, and puts its summary into {@code results} as {@code server_profile}. */
    void stopProfile(Map<String, Object> results) throws IOException, InterruptedException {
        if (profiler != null) {
            Hotspots hotspots = profiler.stop();
            results.put("server_profile", hotspots);
            progress.line("profile", hotspots.cpuSamples() + " CPU samples, top layer "
                    + hotspots.byLayer().keySet().stream().findFirst().orElse("-"));
            profiler = null;
        }
    }

    /** Writes the report and chart, prints the summary line. */
    Path finish(String label, Map<String, Object> parameters, Map<String, Object> results, List<Target> targets,
            String summary, Chart chart) throws IOException {
        String name = options.label != null ? options.label : label;
        Map<String, Object> reported = new LinkedHashMap<>(results);
        Map<String, Long> failures = connectFailures.counts();
        if (!failures.isEmpty()) {
            reported.put("connect_failure_reasons", failures);
        }
        RunReport report = new RunReport(scenario, name, commandLine, started.toString(),
                Math.round((System.nanoTime() - startNanos) / 1e8) / 10.0, MachineInfo.current(loopback), parameters,
                reported, targets, summary);
        Path json = new ReportWriter(options.out).write(report, chart);
        System.out.println(summary);
        progress.line(scenario, "wrote " + json + " and " + name + ".png");
        return json;
    }

    private static <T> T get(Future<T> future) throws InterruptedException, IOException {
        try {
            return future.get(10, TimeUnit.MINUTES);
        } catch (ExecutionException e) {
            throw asIo(e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("set-up step timed out", e);
        }
    }

    private static IOException asIo(Throwable e) {
        return e instanceof IOException io ? io : new IOException(e.getMessage(), e);
    }

    @Override
    public void close() {
        setupPool.shutdownNow();
        connector.close();
        restByNode.values().forEach(ChatRest::close);
        progress.close();
    }
}
