package org.chatserver.it.support;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.chatserver.stack.PayaraCommandFiles;

/**
 * A Payara Micro process the test starts and kills itself (Arquillian's container is not to be killed mid-test),
 * with the same command files, system properties and application as the Arquillian container and the local stack.
 */
public final class MicroProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    private static final Duration STOP_TIMEOUT = Duration.ofMinutes(1);

    private final int port;
    private final Path log;
    private final Path postBootFile;
    private final List<String> systemProperties = new ArrayList<>();
    private Path systemPropertiesFile = TestStack.stateDir().resolve("payara").resolve("system.properties");
    private Process process;

    public MicroProcess(Path log) throws IOException {
        this(log, TestStack.stateDir().resolve("payara").resolve("post-boot.asadmin"));
    }

    /** @param postBootFile the post-boot commands (resources), when a test needs them other than the stack's */
    public MicroProcess(Path log, Path postBootFile) throws IOException {
        this.log = log;
        this.postBootFile = postBootFile;
        try (ServerSocket free = new ServerSocket(0)) {
            this.port = free.getLocalPort();
        }
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Sets a system property of the server (an application setting, say) for the next {@link #start()}. */
    public MicroProcess withSystemProperty(String key, String value) {
        systemProperties.add("-D" + key + "=" + value);
        return this;
    }

    /**
     * Gives the server its own gateway node id instead of the stack's, so that it runs beside the Arquillian
     * container as a second node of one cluster. The id lives in the stack's system properties file, which Payara
     * reads after the JVM's {@code -D} options, so the server gets a copy of that file with the id changed.
     */
    public MicroProcess withNodeId(String nodeId) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(systemPropertiesFile)) {
            properties.load(in);
        }
        properties.setProperty("chat.node.id", nodeId);
        Path copy = log.resolveSibling(nodeId + "-system.properties");
        try (Writer out = Files.newBufferedWriter(copy)) {
            properties.store(out, "the stack's settings with the node id " + nodeId);
        }
        systemPropertiesFile = copy;
        return this;
    }

    /** Starts Payara Micro and returns once the application answers its health check. */
    public void start() throws IOException, InterruptedException {
        Path payara = TestStack.stateDir().resolve("payara");
        Path deployments = TestStack.deployments();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx1g", PayaraCommandFiles.JSON_PROVIDER_OPTION));
        command.addAll(systemProperties);
        command.addAll(List.of("-jar", deployments.resolve("payara-micro.jar").toString(),
                "--nohazelcast", "--port", Integer.toString(port),
                "--addLibs", deployments.resolve("mariadb-java-client.jar").toString(),
                "--prebootcommandfile", payara.resolve("pre-boot.asadmin").toString(),
                "--postbootcommandfile", postBootFile.toString(),
                "--systemproperties", systemPropertiesFile.toString(),
                "--deploy", deployments.resolve("chat-web-micro.war") + ":/"));
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        ChatClient client = new ChatClient(base());
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro exited; see " + log);
            }
            try {
                if (client.get("/api/v1/health", null).status() == 200) {
                    return;
                }
            } catch (IllegalStateException notYet) {
                // Not listening yet.
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("Payara Micro did not become healthy within " + START_TIMEOUT + "; see " + log);
    }

    /**
     * Stops the process with SIGTERM, as an orchestrator stops a node: the JVM's shutdown hooks run and Payara
     * undeploys the application. Returns once the process has exited.
     */
    public void terminate() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            throw new IllegalStateException("Payara Micro did not exit within " + STOP_TIMEOUT + " of SIGTERM");
        }
    }

    /** Kills the process with SIGKILL: no shutdown hook, no graceful close. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            kill();
        }
    }
}
