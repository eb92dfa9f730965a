package org.chatserver.it.support;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
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

    /** A connection to one of the test databases ({@code directory}, {@code shard_0} ...) as the admin user. */
    public static Connection database(String name) throws SQLException {
        return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/" + dbPrefix() + name, "root", "");
    }
}
