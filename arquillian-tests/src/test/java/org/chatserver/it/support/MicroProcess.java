package org.chatserver.it.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A Payara Micro process the test starts and kills itself (Arquillian's container is not to be killed mid-test),
 * with the same command files, system properties and application as the Arquillian container and the local stack.
 */
public final class MicroProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

    private final int port;
    private final Path log;
    private Process process;

    public MicroProcess(Path log) throws IOException {
        this.log = log;
        try (ServerSocket free = new ServerSocket(0)) {
            this.port = free.getLocalPort();
        }
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Starts Payara Micro and returns once the application answers its health check. */
    public void start() throws IOException, InterruptedException {
        Path payara = TestStack.stateDir().resolve("payara");
        Path deployments = TestStack.deployments();
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-jar", deployments.resolve("payara-micro.jar").toString(),
                "--nohazelcast", "--port", Integer.toString(port),
                "--addLibs", deployments.resolve("mariadb-java-client.jar").toString(),
                "--prebootcommandfile", payara.resolve("pre-boot.asadmin").toString(),
                "--postbootcommandfile", payara.resolve("post-boot.asadmin").toString(),
                "--systemproperties", payara.resolve("system.properties").toString(),
                "--deploy", deployments.resolve("chat-web-micro.war") + ":/");
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
