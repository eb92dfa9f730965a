package org.chatserver.bench.scenario;

import java.net.URI;
import java.nio.file.Path;
import org.chatserver.bench.server.ServerOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options every scenario shares (a picocli mixin). Defaults fit the local stack started by {@code ./chat start}
 * from the repository root. Set once by picocli, then read-only.
 */
public final class BenchOptions {

    @Option(names = "--url", defaultValue = "http://127.0.0.1:8080",
            description = "Server base URL; REST under /api/v1, WebSocket at /ws (default: ${DEFAULT-VALUE}).")
    URI url;

    @Option(names = "--workspace", description = "Workspace of the run's users (default: bench-<scenario>-<time>, "
            + "new per run; the local stack provisions it).")
    String workspace;

    @Option(names = "--out", defaultValue = "chat-bench/target/results",
            description = "Folder for <label>.json and <label>.png (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--label", description = "File name stem of the results (default: the scenario and its size).")
    String label;

    @Mixin
    ServerOptions server;

    @Option(names = "--io-threads", defaultValue = "2",
            description = "Netty event-loop threads for all WebSocket connections (default: ${DEFAULT-VALUE}).")
    int ioThreads;

    @Option(names = "--rest-concurrency", defaultValue = "16",
            description = "Most concurrent REST calls (tokens, tickets) (default: ${DEFAULT-VALUE}).")
    int restConcurrency;

    @Option(names = "--per-address", defaultValue = "20000",
            description = "Connections per loopback source address: connection i binds to 127.0.0.(1 + i / this) "
                    + "(default: ${DEFAULT-VALUE}).")
    int perAddress;

    @Option(names = "--connect-timeout-seconds", defaultValue = "300",
            description = "Longest time to open all connections of the set-up (default: ${DEFAULT-VALUE}).")
    int connectTimeoutSeconds;

    @Option(names = "--profile", description = "Record the server with JFR during the measured phase and add its "
            + "hot methods to the result (needs the server's pid from --stack-dir).")
    boolean profile;

    @Option(names = "--heartbeat-ms", defaultValue = "15000",
            description = "Interval of the clients' ping frames (default: ${DEFAULT-VALUE}).")
    long heartbeatMillis;
}
