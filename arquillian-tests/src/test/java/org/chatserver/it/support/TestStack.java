package org.chatserver.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Where the integration phase's infrastructure is: set by the build (failsafe system properties) to match what
 * {@code ./chat infra start} started.
 */
public final class TestStack {

    private TestStack() {
    }

    public static Path stateDir() {
        return Path.of(System.getProperty("it.state.dir", "target/stack"));
    }

    public static Path deployments() {
        return Path.of(System.getProperty("it.deployments", "target/deployments"));
    }

    public static String kafkaBootstrap() {
        return System.getProperty("it.kafka.bootstrap", "127.0.0.1:19092");
    }

    public static String dbPrefix() {
        return System.getProperty("it.db.prefix", "chat_it_");
    }

    /**
     * Freezes the test Kafka broker (SIGSTOP): it stops answering, as a broker that is down does for clients that
     * were connected to it. {@link #thawKafka()} resumes it.
     */
    public static void freezeKafka() throws IOException, InterruptedException {
        signalKafka("STOP");
    }

    public static void thawKafka() throws IOException, InterruptedException {
        signalKafka("CONT");
    }

    private static void signalKafka(String signal) throws IOException, InterruptedException {
        Properties pidFile = new Properties();
        try (InputStream in = Files.newInputStream(stateDir().resolve("run/kafka.pid"))) {
            pidFile.load(in);
        }
        Process kill = new ProcessBuilder("kill", "-" + signal, pidFile.getProperty("pid").trim()).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IOException("kill -" + signal + " of the Kafka broker failed");
        }
    }

    /** A connection to one of the test databases ({@code directory}, {@code shard_0} ...) as the admin user. */
    public static Connection database(String name) throws SQLException {
        return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/" + dbPrefix() + name, "root", "");
    }
}
