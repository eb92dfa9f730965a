package org.chatserver.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where everything lives under the state folder. One place for the file names, because the integration tests and the
 * documentation refer to them ({@code payara/pre-boot.asadmin}, {@code payara/post-boot.asadmin},
 * {@code payara/system.properties}, {@code payara/payara-server.asadmin}, {@code keys/jwt-*.pem}).
 *
 * <p>Immutable and thread-safe; {@link #createDirectories()} is idempotent.
 */
public final class StackLayout {

    /** File name of the pre-boot asadmin command file in {@link #payaraDir()}. */
    public static final String PRE_BOOT_FILE = "pre-boot.asadmin";
    /** File name of the post-boot asadmin command file in {@link #payaraDir()}. */
    public static final String POST_BOOT_FILE = "post-boot.asadmin";
    /** File name of the system properties (the application's MicroProfile Config) in {@link #payaraDir()}. */
    public static final String SYSTEM_PROPERTIES_FILE = "system.properties";

    /** File name of the Payara Server script in {@link #payaraDir()}, unless another is asked for. */
    public static final String PAYARA_SERVER_SCRIPT_FILE = "payara-server.asadmin";

    private final Path root;

    public StackLayout(Path stateDir) {
        this.root = stateDir.toAbsolutePath().normalize();
    }

    /** Creates the folders that every command expects. */
    public void createDirectories() {
        for (Path dir : new Path[] {root, keysDir(), logsDir(), runDir(), payaraDir()}) {
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + dir, e);
            }
        }
    }

    /** @return the state folder itself */
    public Path root() {
        return root;
    }

    /** @return folder of the development JWT issuer's key pair */
    public Path keysDir() {
        return root.resolve("keys");
    }

    /** @return the issuer's private key, PKCS#8 PEM */
    public Path jwtPrivateKey() {
        return keysDir().resolve("jwt-private.pem");
    }

    /** @return the issuer's public key, X.509 SubjectPublicKeyInfo PEM */
    public Path jwtPublicKey() {
        return keysDir().resolve("jwt-public.pem");
    }

    /** @return the embedded MariaDB's data folder, kept across restarts */
    public Path mariaDbDataDir() {
        return root.resolve("mariadb");
    }

    /** @return the embedded redis-server's working folder */
    public Path redisDir() {
        return root.resolve("redis");
    }

    /** @return the local Kafka broker's folder (configuration, and {@code data/} for its log segments) */
    public Path kafkaDir() {
        return root.resolve("kafka");
    }

    /**
     * @return node 1's Payara command files, system properties and Micro's root folder (see {@link PayaraNode}), and
     *         the Payara Server script
     */
    public Path payaraDir() {
        return root.resolve("payara");
    }

    /** @return the default Payara Server script ({@code ./chat payara-server-script}) */
    public Path payaraServerScript() {
        return payaraDir().resolve(PAYARA_SERVER_SCRIPT_FILE);
    }

    /** @return unpacked binaries (MariaDB, redis-server), shared by restarts */
    public Path distDir() {
        return root.resolve("dist");
    }

    /** @return log files of all services and of the launcher */
    public Path logsDir() {
        return root.resolve("logs");
    }

    /**
     * @param service service name, e.g. {@code kafka}
     * @return that service's log file
     */
    public Path logFile(String service) {
        return logsDir().resolve(service + ".log");
    }

    /** @return pid files of the processes the stack started */
    public Path runDir() {
        return root.resolve("run");
    }

    /**
     * @param path a path
     * @return the path relative to the current directory when it is below it (shorter messages), else absolute
     */
    public static String display(Path path) {
        Path cwd = Path.of("").toAbsolutePath();
        Path abs = path.toAbsolutePath().normalize();
        return abs.startsWith(cwd) && !abs.equals(cwd) ? cwd.relativize(abs).toString() : abs.toString();
    }
}
