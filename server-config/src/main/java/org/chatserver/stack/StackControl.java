package org.chatserver.stack;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * {@code stop} and {@code status}: work on what an earlier launcher ({@code ./chat start}, {@code infra start}, or a
 * {@code run} that was killed) left in the pid files, and look at the configured ports for services the stack uses
 * but did not start.
 *
 * <p>Used from one thread.
 */
final class StackControl {

    private final StackConfig config;
    private final StackLayout layout;
    private final Progress progress;
    private final PidRegistry registry;

    StackControl(StackConfig config, StackLayout layout, Progress progress, PidRegistry registry) {
        this.config = config;
        this.layout = layout;
        this.progress = progress;
        this.registry = registry;
    }

    /**
     * Stops the recorded processes in reverse start order: TERM, then KILL after the stop timeout.
     *
     * @param includePayara false for {@code infra stop}, which leaves the Payara Micro nodes alone
     * @return the number of processes stopped
     */
    int stop(boolean includePayara) {
        List<String> order = new ArrayList<>(Stack.SERVICE_ORDER);
        Collections.reverse(order);
        int stoppedCount = 0;
        for (String service : order) {
            if (!includePayara && PayaraNode.isNode(service)) {
                continue;
            }
            Optional<PidRegistry.Entry> entry = registry.read(service);
            if (entry.isEmpty()) {
                continue;
            }
            Optional<ServiceProcess> process = entry.get().liveProcess();
            if (process.isEmpty()) {
                registry.remove(service);
                progress.info(service, "not running (removed stale pid file for pid " + entry.get().pid() + ")");
                continue;
            }
            Stack.stopOne(progress, registry, process.get(), config);
            stoppedCount++;
        }
        if (stoppedCount == 0) {
            progress.line("nothing to stop in " + StackLayout.display(layout.root()));
        }
        return stoppedCount;
    }

    /**
     * Stops one recorded service (TERM, then KILL after the stop timeout), leaving the others running.
     *
     * @param service a service name, e.g. {@code kafka}
     * @return false if the stack was not running it
     */
    boolean stopOne(String service) {
        Optional<ServiceProcess> process = registry.read(service).flatMap(PidRegistry.Entry::liveProcess);
        if (process.isEmpty()) {
            registry.remove(service);
            progress.info(service, "not running in " + StackLayout.display(layout.root()));
            return false;
        }
        Stack.stopOne(progress, registry, process.get(), config);
        return true;
    }

    /** Prints, per service, whether it runs, what started it, and where it listens. */
    void status() {
        progress.line("state folder " + StackLayout.display(layout.root()));
        report(MariaDbService.NAME, config.dbHost(), config.dbPort());
        report(RedisService.NAME, config.redisHost(), config.redisPort());
        if (config.localKafka()) {
            report(KafkaService.NAME, "127.0.0.1", config.kafkaPort());
        } else {
            progress.info(KafkaService.NAME, "external cluster " + config.kafkaBootstrapServers());
        }
        for (int number = 1; number <= PayaraNode.MAX_NODES; number++) {
            PayaraNode node = new PayaraNode(number, config, layout);
            // Node 1 always: it is part of the stack. Further nodes only when started with node start N.
            if (number == 1 || registry.read(node.name()).isPresent()) {
                report(node.name(), config.publicHost(), node.httpPort());
                registry.read(node.name()).flatMap(PidRegistry.Entry::liveProcess).ifPresent(p ->
                        progress.info(node.name(), "GET " + node.healthUri() + ": " + healthStatus(node)));
            }
        }
    }

    private void report(String service, String host, int port) {
        Optional<PidRegistry.Entry> entry = registry.read(service);
        Optional<ServiceProcess> live = entry.flatMap(PidRegistry.Entry::liveProcess);
        if (live.isPresent()) {
            progress.info(service, "running, pid " + live.get().pid() + ", on " + entry.get().endpoints() + ", log "
                    + StackLayout.display(entry.get().logFile()));
        } else if (Ports.isOpen(host, port)) {
            progress.info(service, "not started by the stack; something answers on " + host + ":" + port);
        } else {
            progress.info(service, "not running (" + host + ":" + port + " closed)"
                    + (entry.isPresent() ? ", stale pid file for pid " + entry.get().pid() : ""));
        }
    }

    private static String healthStatus(PayaraNode node) {
        try {
            HttpResponse<Void> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()
                    .send(HttpRequest.newBuilder(node.healthUri()).timeout(Duration.ofSeconds(5))
                            .GET().build(), HttpResponse.BodyHandlers.discarding());
            return Integer.toString(response.statusCode());
        } catch (IOException e) {
            return "no answer (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
