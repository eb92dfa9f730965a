package org.chatserver.it.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

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

    public static int redisPort() {
        return Integer.getInteger("it.redis.port", 16379);
    }

    /**
     * Stops one service of the test infrastructure ({@code kafka}, {@code redis}) with {@code ./chat infra stop
     * <service>}: TERM, as an operator or a crash of the host stops it; the rest keeps running.
     */
    public static void stop(String service) throws IOException, InterruptedException {
        infra("stop", service);
    }

    /** Starts a service stopped by {@link #stop} again, with the same data folder and ports. */
    public static void start(String service) throws IOException, InterruptedException {
        infra("start", service);
    }

    /** Runs {@code ./chat infra <verb> <service>} with the settings the build started the infrastructure with. */
    private static void infra(String verb, String service) throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("it.repository.root", ".."));
        ProcessBuilder chat = new ProcessBuilder("bash", root.resolve("chat").toString(), "infra", verb, service)
                .directory(root.toFile()).redirectErrorStream(true);
        chat.environment().put("CHAT_STATE_DIR", stateDir().toAbsolutePath().toString());
        chat.environment().put("CHAT_KAFKA_PORT", System.getProperty("it.kafka.port", "19092"));
        chat.environment().put("CHAT_KAFKA_CONTROLLER_PORT", System.getProperty("it.kafka.controller.port", "19093"));
        chat.environment().put("CHAT_REDIS_PORT", Integer.toString(redisPort()));
        chat.environment().put("CHAT_DB_PREFIX", dbPrefix());
        Process running = chat.start();
        // Into the test's own output, where its report keeps it.
        System.out.print(new String(running.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        int exit = running.waitFor();
        if (exit != 0) {
            throw new IOException("./chat infra " + verb + " " + service + " failed with exit code " + exit);
        }
    }

    /** A connection to one of the test databases ({@code directory}, {@code shard_0} ...) as the admin user. */
    public static Connection database(String name) throws SQLException {
        return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/" + dbPrefix() + name, "root", "");
    }

    /** The index of the shard the directory placed {@code workspace} on. */
    public static int shardOf(String workspace) throws SQLException {
        try (Connection directory = database("directory");
                PreparedStatement query = directory.prepareStatement(
                        "select shard_index from workspace_placement where workspace_id = ?")) {
            query.setString(1, workspace);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("workspace " + workspace + " is not placed in the directory");
                }
                return row.getInt(1);
            }
        }
    }
}
