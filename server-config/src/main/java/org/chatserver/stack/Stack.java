package org.chatserver.stack;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Brings the stack up in order (keys, MariaDB, Redis, Kafka, Payara command files, then optionally Payara Micro)
 * and takes down what this launcher started, in reverse order, on failure, on Ctrl-C, or when a service dies.
 *
 * <p>Thread-safe: the main thread starts services while a shutdown hook may stop them at any moment; both go through
 * this object's lock, and a process that comes up after the stack was stopped is stopped at once.
 */
final class Stack implements StackService.ProcessTracker {

    /** The services {@code infra stop <service>} and {@code infra start <service>} name, in start order. */
    static final List<String> INFRA_SERVICES = List.of(MariaDbService.NAME, RedisService.NAME, KafkaService.NAME);

    /** Service names in start order, every Payara node after the infrastructure; stops go the other way. */
    static final List<String> SERVICE_ORDER = Stream.concat(INFRA_SERVICES.stream(),
            PayaraNode.allNames().stream()).toList();

    private final StackConfig config;
    private final StackLayout layout;
    private final BuildInfo build;
    private final Progress progress;
    private final PidRegistry registry;
    private final ProcessStarter starter = new ProcessStarter();
    private final List<ServiceProcess> started = new ArrayList<>();
    private boolean stopped;

    Stack(StackConfig config, StackLayout layout, BuildInfo build, Progress progress, PidRegistry registry) {
        this.config = config;
        this.layout = layout;
        this.build = build;
        this.progress = progress;
        this.registry = registry;
    }

    /**
     * Starts everything; on failure, stops what was started before rethrowing.
     *
     * @param withPayara whether to start Payara Micro (node 1) too (false for {@code infra start})
     * @throws StepFailedException if a step fails
     */
    void start(boolean withPayara) throws StepFailedException {
        try {
            refuseIfRunning();
            layout.createDirectories();
            ApplicationArtifacts artifacts = new ApplicationArtifacts(config, build);
            PayaraNode node = PayaraNode.first(config, layout);
            PayaraMicroService payara = new PayaraMicroService(config, node, build, artifacts, starter);
            if (withPayara) {
                payara.preflight();
            }
            ensureKeys();
            List<StackService> services = new ArrayList<>(List.of(
                    new MariaDbService(config, layout, build, starter),
                    new RedisService(config, layout, starter),
                    new KafkaService(config, layout, build, starter)));
            for (StackService service : services) {
                checkNotStopped();
                service.start(progress, this);
            }
            writeCommandFiles(node, artifacts, withPayara);
            if (withPayara) {
                checkNotStopped();
                payara.start(progress, this);
            }
        } catch (StepFailedException | RuntimeException e) {
            stop();
            throw e;
        }
    }

    /**
     * Starts one Payara Micro node against the running infrastructure ({@code node start N}): a further node of the
     * cluster beside node 1, or node 1 again after {@code node stop 1}. Returns once it is ready; it keeps running
     * after the launcher exits.
     *
     * @throws StepFailedException if it runs already, the infrastructure is not running, or the node does not come up
     */
    void startNode(PayaraNode node) throws StepFailedException {
        runNode(node, false);
    }

    /**
     * Kills a running Payara Micro node without warning (SIGKILL, as a crash would) and starts it again against the
     * running infrastructure, for failover measurements (chat-bench's reconnect scenario). Returns once the new node
     * is ready; the new node keeps running after the launcher exits.
     *
     * @throws StepFailedException if the infrastructure is not running or the new node does not come up
     */
    void restartNode(PayaraNode node) throws StepFailedException {
        runNode(node, true);
    }

    private void runNode(PayaraNode node, boolean killRunning) throws StepFailedException {
        try {
            for (String service : INFRA_SERVICES) {
                boolean recordedButDead = registry.read(service)
                        .filter(entry -> entry.liveProcess().isEmpty()).isPresent();
                if (recordedButDead) {
                    throw new StepFailedException(node.name(), service + " is not running; start the stack first");
                }
            }
            Optional<ServiceProcess> running = registry.read(node.name()).flatMap(PidRegistry.Entry::liveProcess);
            if (running.isPresent() && !killRunning) {
                throw new StepFailedException(node.name(), "already running (pid " + running.get().pid()
                        + "); ./chat node restart " + node.number() + " kills and restarts it");
            }
            running.ifPresent(process -> {
                Progress.Step step = progress.begin(node.name(), "killing pid " + process.pid());
                process.handle().destroyForcibly();
                process.handle().onExit().join();
                registry.remove(node.name());
                step.ok("killed");
            });
            layout.createDirectories();
            ApplicationArtifacts artifacts = new ApplicationArtifacts(config, build);
            PayaraMicroService payara = new PayaraMicroService(config, node, build, artifacts, starter);
            payara.preflight();
            writeCommandFiles(node, artifacts, true);
            checkNotStopped();
            payara.start(progress, this);
        } catch (StepFailedException | RuntimeException e) {
            stop();
            throw e;
        }
    }

    /**
     * Starts one infrastructure service alone, with the rest of the stack left as it is (after
     * {@code infra stop <service>}): the same configuration, data folder and ports as {@code infra start}. The process
     * keeps running after the launcher exits; on failure, what was started is stopped.
     *
     * @param service one of {@link #INFRA_SERVICES}
     * @throws StepFailedException if it runs already or cannot be started
     */
    void startOne(String service) throws StepFailedException {
        try {
            Optional<PidRegistry.Entry> entry = registry.read(service);
            if (entry.isPresent() && entry.get().liveProcess().isPresent()) {
                throw new StepFailedException(service, "already running (pid " + entry.get().pid() + ")");
            }
            layout.createDirectories();
            StackService one = switch (service) {
                case MariaDbService.NAME -> new MariaDbService(config, layout, build, starter);
                case RedisService.NAME -> new RedisService(config, layout, starter);
                case KafkaService.NAME -> new KafkaService(config, layout, build, starter);
                default -> throw new IllegalArgumentException("not an infrastructure service: " + service);
            };
            one.start(progress, this);
        } catch (StepFailedException | RuntimeException e) {
            stop();
            throw e;
        }
    }

    @Override
    public void started(ServiceProcess process, String endpoints) {
        synchronized (this) {
            if (!stopped) {
                // Listed before the pid file is written, so that it is stopped even if writing fails.
                started.add(process);
                registry.record(process, endpoints);
                return;
            }
        }
        // Came up while the stack was being stopped (Ctrl-C during a start): take it down too.
        process.stop(config.stopTimeout());
    }

    /** @return whether {@link #stop()} has been called */
    synchronized boolean isStopped() {
        return stopped;
    }

    /** @return the processes this launcher started and has not stopped, in start order */
    synchronized List<ServiceProcess> started() {
        return List.copyOf(started);
    }

    /** Stops everything this launcher started, newest first, and forgets their pid files. Idempotent. */
    synchronized void stop() {
        stopped = true;
        for (int i = started.size() - 1; i >= 0; i--) {
            ServiceProcess process = started.get(i);
            stopOne(progress, registry, process, config);
        }
        started.clear();
    }

    /**
     * Stops one process with a progress line and removes its pid file.
     *
     * @return how it ended
     */
    static ServiceProcess.Outcome stopOne(Progress progress, PidRegistry registry, ServiceProcess process,
            StackConfig config) {
        if (!process.isAlive()) {
            registry.remove(process.name());
            progress.info(process.name(), "already exited (pid " + process.pid() + ")");
            return ServiceProcess.Outcome.NOT_RUNNING;
        }
        Progress.Step step = progress.begin(process.name(), "stopping pid " + process.pid());
        ServiceProcess.Outcome outcome = process.stop(config.stopTimeout());
        registry.remove(process.name());
        step.ok(outcome == ServiceProcess.Outcome.KILLED ? "killed after " + config.stopTimeout().toSeconds()
                + " s without exiting" : "ok");
        return outcome;
    }

    private void refuseIfRunning() throws StepFailedException {
        List<String> running = new ArrayList<>();
        for (String service : SERVICE_ORDER) {
            registry.read(service).ifPresent(entry -> {
                if (entry.liveProcess().isPresent()) {
                    running.add(service + " (pid " + entry.pid() + ")");
                } else {
                    registry.remove(service);
                }
            });
        }
        if (!running.isEmpty()) {
            throw new StepFailedException("stack", "already running in " + StackLayout.display(layout.root()) + ": "
                    + String.join(", ", running) + "; stop it first with ./chat stop");
        }
    }

    private synchronized void checkNotStopped() throws StepFailedException {
        if (stopped) {
            throw new StepFailedException("stack", "stopped while starting");
        }
    }

    private void ensureKeys() throws StepFailedException {
        Progress.Step step = progress.begin("keys", "JWT issuer key pair in " + StackLayout.display(layout.keysDir()));
        try {
            boolean generated = JwtKeys.ensure(layout.jwtPrivateKey(), layout.jwtPublicKey());
            step.ok(generated ? "generated RSA 2048" : "exists");
        } catch (IOException | GeneralSecurityException e) {
            step.failed();
            throw new StepFailedException("keys", "cannot create the key pair: " + e.getMessage(), null, e);
        }
    }

    private void writeCommandFiles(PayaraNode node, ApplicationArtifacts artifacts, boolean withPayara)
            throws StepFailedException {
        Path rar = artifacts.rar().orElse(artifacts.rarCandidates().get(0));
        String nodeId = config.nodeId().map(node::nodeId).orElseGet(() -> UUID.randomUUID().toString());
        Progress.Step step = progress.begin(node.name(), "command files in " + StackLayout.display(node.dir()));
        try {
            List<Path> files = new PayaraCommandFiles(config, rar, layout.jwtPrivateKey(), layout.jwtPublicKey(),
                    nodeId).writeTo(node);
            step.ok("written " + files.stream().map(p -> p.getFileName().toString())
                    .collect(Collectors.joining(", ")));
        } catch (IOException | ConfigException e) {
            step.failed();
            throw new StepFailedException(node.name(), "cannot write the command files: " + e.getMessage(), null, e);
        }
        if (!withPayara && artifacts.rar().isEmpty()) {
            progress.info(node.name(), "note: " + StackLayout.display(rar) + " is not built yet; post-boot.asadmin "
                    + "deploys it from there");
        }
    }
}
