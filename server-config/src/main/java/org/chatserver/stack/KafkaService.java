package org.chatserver.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Step 4: Kafka with the {@code chat.messages} topic. Without {@link StackConfig#KAFKA_BOOTSTRAP}, runs a
 * single-node KRaft broker (broker and controller in one process) as its own JVM from the kafka_2.13 runtime jars
 * this module depends on, listening on 127.0.0.1 only, with its data in {@code <state>/kafka/data} (formatted on the
 * first start). Broker defaults are set for a single node (replication factor 1 for internal topics, no initial
 * consumer group rebalance delay), so that nothing else needs configuring. Then creates the topic if missing.
 *
 * <p>Used from one thread.
 */
final class KafkaService implements StackService {

    static final String NAME = "kafka";

    private static final String HOST = "127.0.0.1";
    private static final Duration ADMIN_CALL_TIMEOUT = Duration.ofSeconds(10);

    private final StackConfig config;
    private final StackLayout layout;
    private final BuildInfo build;
    private final ProcessStarter starter;

    KafkaService(StackConfig config, StackLayout layout, BuildInfo build, ProcessStarter starter) {
        this.config = config;
        this.layout = layout;
        this.build = build;
        this.starter = starter;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void start(Progress progress, ProcessTracker tracker) throws StepFailedException {
        if (config.localKafka()) {
            // Before the admin client exists: it would otherwise start talking to whatever holds the port.
            checkPortsFree();
        }
        try (Admin admin = admin()) {
            if (config.localKafka()) {
                startBroker(progress, tracker, admin);
            } else {
                Progress.Step step = progress.begin(NAME, "using the cluster at " + config.kafkaBootstrapServers());
                try {
                    describeCluster(admin);
                    step.ok();
                } catch (Exception e) {
                    step.failed();
                    throw new StepFailedException(NAME, "the cluster at " + config.kafkaBootstrapServers()
                            + " does not answer (" + rootMessage(e) + ")");
                }
            }
            ensureTopic(progress, admin);
        }
    }

    private void checkPortsFree() throws StepFailedException {
        Ports.requireFree(HOST, config.kafkaControllerPort(), StackConfig.KAFKA_CONTROLLER_PORT, NAME);
        if (Ports.isOpen(HOST, config.kafkaPort())) {
            throw new StepFailedException(NAME, "port " + HOST + ":" + config.kafkaPort() + " is already in use; to "
                    + "use a Kafka that runs there, set " + StackConfig.KAFKA_BOOTSTRAP.name() + "=" + HOST + ":"
                    + config.kafkaPort() + ", else set " + StackConfig.KAFKA_PORT.name());
        }
    }

    private void startBroker(Progress progress, ProcessTracker tracker, Admin admin) throws StepFailedException {
        Path dir = layout.kafkaDir();
        Path dataDir = dir.resolve("data");
        Path serverProperties = dir.resolve("server.properties");
        Path log4j = dir.resolve("log4j2.xml");
        Path logFile = layout.logFile(NAME);
        try {
            Files.createDirectories(dataDir);
            Files.writeString(serverProperties, serverProperties(dataDir));
            copyResource("kafka-log4j2.xml", log4j);
            Files.deleteIfExists(logFile);
        } catch (IOException e) {
            throw new StepFailedException(NAME, "cannot write the broker configuration into " + dir, null, e);
        }
        checkOrFormat(progress, dataDir, serverProperties, log4j, logFile);

        Progress.Step step = progress.begin(NAME, "starting broker " + build.kafkaVersion() + " on " + HOST + ":"
                + config.kafkaPort() + " (data in " + StackLayout.display(dir) + ")");
        ServiceProcess process;
        try {
            process = starter.start(NAME, java(log4j, "kafka.Kafka", serverProperties.toString()), dir, logFile, true,
                    Map.of());
        } catch (IOException e) {
            step.failed();
            throw new StepFailedException(NAME, "cannot start the broker JVM: " + e.getMessage(), logFile, e);
        }
        tracker.started(process, HOST + ":" + config.kafkaPort() + " (controller " + config.kafkaControllerPort()
                + ")");
        try {
            Readiness.await(process, config.startupTimeout(), "serving clients", () -> {
                describeCluster(admin);
                return true;
            });
            step.ok();
        } catch (StepFailedException e) {
            step.failed();
            throw e;
        }
    }

    /**
     * Formats the data folder on the first start. A KRaft folder formatted with {@code --standalone} records the
     * controller's address, so a later change of the controller port would leave a broker that never becomes ready:
     * that case is refused with an explanation instead.
     */
    private void checkOrFormat(Progress progress, Path dataDir, Path serverProperties, Path log4j, Path logFile)
            throws StepFailedException {
        Path marker = layout.kafkaDir().resolve("formatted.properties");
        if (Files.isRegularFile(dataDir.resolve("meta.properties"))) {
            Properties formatted = readProperties(marker);
            String port = formatted.getProperty("controller.port");
            if (port != null && !port.equals(Integer.toString(config.kafkaControllerPort()))) {
                throw new StepFailedException(NAME, StackLayout.display(dataDir) + " was formatted for controller "
                        + "port " + port + "; set " + StackConfig.KAFKA_CONTROLLER_PORT.name() + "=" + port
                        + ", or delete " + StackLayout.display(layout.kafkaDir()) + " to start afresh");
            }
            return;
        }
        String clusterId = Uuid.randomUuid().toString();
        Progress.Step step = progress.begin(NAME, "formatting " + StackLayout.display(dataDir) + " (first start, "
                + "cluster " + clusterId + ")");
        try {
            int exit = starter.run(java(log4j, "kafka.tools.StorageTool", "format", "-t", clusterId, "-c",
                    serverProperties.toString(), "--standalone"), layout.kafkaDir(), logFile, config.startupTimeout());
            if (exit != 0) {
                step.failed();
                throw new StepFailedException(NAME, "formatting the data folder " + (exit < 0 ? "timed out"
                        : "failed with code " + exit), logFile, null);
            }
            Files.writeString(marker, "# Written by org.chatserver.stack when it formatted data/.\n"
                    + "cluster.id=" + clusterId + "\ncontroller.port=" + config.kafkaControllerPort() + "\n");
            step.ok();
        } catch (IOException e) {
            step.failed();
            throw new StepFailedException(NAME, "cannot format the data folder: " + e.getMessage(), logFile, e);
        }
    }

    private List<String> java(Path log4j, String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(ProcessStarter.javaExecutable());
        command.addAll(config.kafkaJavaOpts());
        command.add("-Djava.awt.headless=true");
        command.add("-Dlog4j2.configurationFile=" + log4j.toUri());
        command.add("-cp");
        command.add(build.kafkaClasspath());
        command.add(mainClass);
        command.addAll(List.of(args));
        return command;
    }

    String serverProperties(Path dataDir) {
        String client = "PLAINTEXT://" + HOST + ":" + config.kafkaPort();
        String controller = "CONTROLLER://" + HOST + ":" + config.kafkaControllerPort();
        Map<String, String> p = new LinkedHashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.bootstrap.servers", HOST + ":" + config.kafkaControllerPort());
        p.put("listeners", client + "," + controller);
        p.put("advertised.listeners", client + "," + controller);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        p.put("log.dirs", dataDir.toString());
        p.put("num.partitions", Integer.toString(config.kafkaPartitions()));
        // One node: every internal topic and every default must make do with one replica.
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        // Consumers (the fan-out MDB) get their partitions at once instead of after 3 s.
        p.put("group.initial.rebalance.delay.ms", "0");
        StringBuilder out = new StringBuilder("# Generated by org.chatserver.stack; rewritten on every start.\n");
        p.forEach((k, v) -> out.append(k).append('=').append(PropertiesSyntax.escape(v, false)).append('\n'));
        return out.toString();
    }

    private void ensureTopic(Progress progress, Admin admin) throws StepFailedException {
        String topic = StackConfig.MESSAGES_TOPIC;
        Progress.Step step = progress.begin(NAME, "topic " + topic);
        try {
            String outcome = "exists";
            if (!admin.listTopics().names().get(ADMIN_CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS).contains(topic)) {
                // The local broker has one node; an external cluster keeps its own default replication factor.
                NewTopic newTopic = config.localKafka()
                        ? new NewTopic(topic, config.kafkaPartitions(), (short) 1)
                        : new NewTopic(topic, Optional.of(config.kafkaPartitions()), Optional.empty());
                try {
                    admin.createTopics(List.of(newTopic)).all().get(ADMIN_CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                    outcome = "created";
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(ADMIN_CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS).get(topic);
            int partitions = description.partitions().size();
            step.ok(outcome + " (" + partitions + " partitions)");
            if (partitions != config.kafkaPartitions()) {
                progress.warn(NAME, "topic " + topic + " has " + partitions + " partitions, not the configured "
                        + config.kafkaPartitions() + " (" + StackConfig.KAFKA_PARTITIONS.name() + " applies only "
                        + "when the topic is created)");
            }
        } catch (ExecutionException | TimeoutException e) {
            step.failed();
            throw new StepFailedException(NAME, "cannot create topic " + topic + ": " + rootMessage(e),
                    config.localKafka() ? layout.logFile(NAME) : null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            step.failed();
            throw new StepFailedException(NAME, "interrupted while creating topic " + topic);
        }
    }

    private static void describeCluster(Admin admin) throws Exception {
        if (admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
            throw new IllegalStateException("no broker in the cluster yet");
        }
    }

    private Admin admin() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrapServers());
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "chat-stack");
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "500");
        return Admin.create(props);
    }

    private static void copyResource(String name, Path target) throws IOException {
        try (InputStream in = KafkaService.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing resource " + name);
            }
            Files.writeString(target, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static Properties readProperties(Path file) {
        Properties p = new Properties();
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return p;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
