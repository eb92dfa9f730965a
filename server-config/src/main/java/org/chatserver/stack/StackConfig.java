package org.chatserver.stack;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Every setting of the local stack, typed and validated, read from environment variables; a {@code -D} system
 * property of the same name (e.g. {@code -DCHAT_HTTP_PORT=8081}) takes precedence over the environment. An empty value
 * counts as unset.
 *
 * <p>The settings are the {@link Setting} constants below; {@link #SETTINGS} lists them in documentation order and
 * {@link #renderMarkdownTable()} renders them for the README.
 *
 * <p>Immutable and thread-safe once built.
 */
public final class StackConfig {

    /** Folder for everything the stack writes: keys, data, logs, pid files, Payara command files. */
    public static final Setting STATE_DIR = new Setting("CHAT_STATE_DIR", "`.stack` in the repository root",
            "Folder for all local state: `keys/`, `mariadb/`, `redis/`, `kafka/`, `payara/`, `logs/`, `run/`.");
    /** Address the HTTP and HTTPS listeners of Payara Micro bind to. */
    public static final Setting BIND_ADDRESS = new Setting("CHAT_BIND_ADDRESS", "`127.0.0.1`",
            "Address Payara Micro's HTTP and HTTPS listeners bind to.");
    /** HTTP (and WebSocket) port of Payara Micro. */
    public static final Setting HTTP_PORT = new Setting("CHAT_HTTP_PORT", "`8080`",
            "HTTP port of Payara Micro (REST and `ws://`).");
    /** HTTPS (and secure WebSocket) port of Payara Micro. */
    public static final Setting HTTPS_PORT = new Setting("CHAT_HTTPS_PORT", "`8181`",
            "HTTPS port of Payara Micro (REST and `wss://`).");
    /** Key store holding the HTTPS certificate; unset means Payara Micro's built-in self-signed one. */
    public static final Setting HTTPS_KEYSTORE = new Setting("CHAT_HTTPS_KEYSTORE", "unset (self-signed)",
            "Key store (PKCS#12 or JKS) with the HTTPS certificate; unset uses Payara Micro's self-signed one.");
    /** Password of {@link #HTTPS_KEYSTORE}. */
    public static final Setting HTTPS_KEYSTORE_PASSWORD = new Setting("CHAT_HTTPS_KEYSTORE_PASSWORD", "`changeit`",
            "Password of `CHAT_HTTPS_KEYSTORE` (and of its key).");
    /** Alias of the certificate to use in {@link #HTTPS_KEYSTORE}. */
    public static final Setting HTTPS_KEY_ALIAS = new Setting("CHAT_HTTPS_KEY_ALIAS", "unset (Payara's default `s1as`)",
            "Alias of the certificate in `CHAT_HTTPS_KEYSTORE` (Payara Micro's `--sslcert`).");
    /** Host of MariaDB/MySQL. */
    public static final Setting DB_HOST = new Setting("CHAT_DB_HOST", "`127.0.0.1`",
            "MariaDB/MySQL host; an embedded MariaDB is started only when this is a loopback address.");
    /** Port of MariaDB/MySQL; if nothing answers there, the embedded MariaDB is started on it. */
    public static final Setting DB_PORT = new Setting("CHAT_DB_PORT", "`3306`",
            "MariaDB/MySQL port; if nothing answers there, an embedded MariaDB is started on it.");
    /** Database user. */
    public static final Setting DB_USER = new Setting("CHAT_DB_USER", "`root`",
            "Database user (created in the embedded MariaDB if missing).");
    /** Database password. */
    public static final Setting DB_PASSWORD = new Setting("CHAT_DB_PASSWORD", "empty", "Database password.");
    /** Prefix of the database names. */
    public static final Setting DB_PREFIX = new Setting("CHAT_DB_PREFIX", "`chat_`",
            "Prefix of the database names: `<prefix>directory`, `<prefix>shard_0` ... (letters, digits, `_`).");
    /** Number of shard databases. */
    public static final Setting SHARDS = new Setting("CHAT_SHARDS", "`4`",
            "Number of shard databases (and JDBC pools).");
    /** Steady pool size of each JDBC pool. */
    public static final Setting DB_POOL_STEADY = new Setting("CHAT_DB_POOL_STEADY", "`2`",
            "Steady size of each JDBC connection pool (directory and each shard).");
    /** Maximum pool size of each JDBC pool. */
    public static final Setting DB_POOL_MAX = new Setting("CHAT_DB_POOL_MAX", "`20`",
            "Maximum size of each JDBC connection pool; mind the server's `max_connections` (default 151).");
    /** How often a pooled connection is validated before use. */
    public static final Setting DB_VALIDATE_PERIOD = new Setting("CHAT_DB_VALIDATE_PERIOD", "`10`",
            "Seconds within which a pooled JDBC connection is validated (a ping) at most once before use; `0` "
                    + "validates before every use, at one more database round trip per transaction.");
    /** Redis host. */
    public static final Setting REDIS_HOST = new Setting("CHAT_REDIS_HOST", "`127.0.0.1`",
            "Redis host; an embedded redis-server is started only when this is a loopback address.");
    /** Redis port; if nothing answers PING there, an embedded redis-server is started on it. */
    public static final Setting REDIS_PORT = new Setting("CHAT_REDIS_PORT", "`6379`",
            "Redis port; if nothing answers PING there, an embedded redis-server is started on it.");
    /** Client port of the local Kafka broker. */
    public static final Setting KAFKA_PORT = new Setting("CHAT_KAFKA_PORT", "`9092`",
            "Client port of the local single-node Kafka broker (on 127.0.0.1).");
    /** Controller (KRaft) port of the local Kafka broker. */
    public static final Setting KAFKA_CONTROLLER_PORT = new Setting("CHAT_KAFKA_CONTROLLER_PORT", "`9093`",
            "KRaft controller port of the local Kafka broker (fixed once its data folder is formatted).");
    /** External Kafka; when set, no broker is started. */
    public static final Setting KAFKA_BOOTSTRAP = new Setting("CHAT_KAFKA_BOOTSTRAP", "unset (local broker)",
            "Bootstrap servers of an existing Kafka (`host:port,...`); when set, no broker is started.");
    /** Partitions of the {@code chat.messages} topic when it is created. */
    public static final Setting KAFKA_PARTITIONS = new Setting("CHAT_KAFKA_PARTITIONS", "`8`",
            "Partitions of topic `chat.messages` when the stack creates it.");
    /** Kafka consumers of the fan-out on each node. */
    public static final Setting FANOUT_CONSUMERS = new Setting("CHAT_FANOUT_CONSUMERS", "`4`",
            "Kafka consumers (threads) of the fan-out on the node (`chat.fanout.consumers`); the node's partitions of "
                    + "`chat.messages` are split among them.");
    /** Kernel send buffer of each client connection of Payara (HTTP and WebSocket). */
    public static final Setting SOCKET_WRITE_BUFFER = new Setting("CHAT_SOCKET_WRITE_BUFFER", "`131072`",
            "Send buffer (bytes) of each client connection of Payara; Payara queues at most four times this much per "
                    + "connection before WebSocket writes wait, so a client that stops reading fills its bounded "
                    + "outbound queue and is closed with 4008 instead of growing the server's memory.");
    /** Gateway node id of the Payara Micro instance, or of the Payara Server the script sets up. */
    public static final Setting NODE_ID = new Setting("CHAT_NODE_ID", "a random UUID per start",
            "Gateway node id (`chat.node.id`) of Payara Micro, or of the Payara Server the script sets up.");
    /** The web application to deploy. */
    public static final Setting APP_WAR = new Setting("CHAT_APP_WAR", "`chat-web/target/chat-web-micro.war`",
            "WAR deployed at `/` (else the build tree's, else the local Maven repository's `chat-web` `micro` WAR).");
    /** The Kafka resource adapter to deploy. */
    public static final Setting APP_RAR = new Setting("CHAT_APP_RAR", "`chat-kafka-rar/target/chat-kafka-rar.rar`",
            "Kafka resource adapter deployed before the WAR (else the build tree's, else the local repository's).");
    /** The enterprise archive the Payara Server script deploys. */
    public static final Setting APP_EAR = new Setting("CHAT_APP_EAR", "`chat-ear/target/chat.ear`",
            "EAR that `./chat payara-server-script` deploys (else the build tree's, else the local repository's).");
    /** Extra JVM options of Payara Micro. */
    public static final Setting PAYARA_JAVA_OPTS = new Setting("CHAT_PAYARA_JAVA_OPTS", "`-Xms256m -Xmx1g`",
            "JVM options of Payara Micro (space-separated, no quoting).");
    /** Extra JVM options of the Kafka broker. */
    public static final Setting KAFKA_JAVA_OPTS = new Setting("CHAT_KAFKA_JAVA_OPTS", "`-Xms128m -Xmx512m`",
            "JVM options of the Kafka broker (space-separated, no quoting).");
    /** How long each service may take to become ready. */
    public static final Setting STARTUP_TIMEOUT = new Setting("CHAT_STARTUP_TIMEOUT", "`180`",
            "Seconds each service may take to become ready before the start fails.");
    /** How long a stopped service may take to exit after TERM before it is killed. */
    public static final Setting STOP_TIMEOUT = new Setting("CHAT_STOP_TIMEOUT", "`30`",
            "Seconds a service may take to exit after TERM before it is killed.");

    /** All settings, in the order of the README table. */
    public static final List<Setting> SETTINGS = List.of(STATE_DIR, BIND_ADDRESS, HTTP_PORT, HTTPS_PORT,
            HTTPS_KEYSTORE, HTTPS_KEYSTORE_PASSWORD, HTTPS_KEY_ALIAS, DB_HOST, DB_PORT, DB_USER, DB_PASSWORD,
            DB_PREFIX, SHARDS, DB_POOL_STEADY, DB_POOL_MAX, DB_VALIDATE_PERIOD, REDIS_HOST, REDIS_PORT, KAFKA_PORT,
            KAFKA_CONTROLLER_PORT, KAFKA_BOOTSTRAP, KAFKA_PARTITIONS, FANOUT_CONSUMERS, SOCKET_WRITE_BUFFER, NODE_ID,
            APP_WAR, APP_RAR, APP_EAR, PAYARA_JAVA_OPTS, KAFKA_JAVA_OPTS, STARTUP_TIMEOUT, STOP_TIMEOUT);

    /** Name of the directory database, after the prefix. */
    public static final String DIRECTORY_DATABASE = "directory";
    /** Name stem of the shard databases, after the prefix and before the index. */
    public static final String SHARD_DATABASE = "shard_";
    /** The topic the application publishes committed messages to. */
    public static final String MESSAGES_TOPIC = "chat.messages";

    // Database names end up in SQL identifiers and JDBC URLs: keep them to characters that need no quoting anywhere.
    private static final Pattern DB_PREFIX_PATTERN = Pattern.compile("[A-Za-z0-9_]{0,40}");
    private static final Pattern HOST_PORT_LIST = Pattern.compile("[^\\s,]+:\\d{1,5}(,[^\\s,]+:\\d{1,5})*");

    private final Path repositoryRoot;
    private final Path stateDir;
    private final String bindAddress;
    private final int httpPort;
    private final int httpsPort;
    private final Optional<Path> httpsKeystore;
    private final String httpsKeystorePassword;
    private final Optional<String> httpsKeyAlias;
    private final String dbHost;
    private final int dbPort;
    private final String dbUser;
    private final String dbPassword;
    private final String dbPrefix;
    private final int shards;
    private final int dbPoolSteady;
    private final int dbPoolMax;
    private final int dbValidatePeriodSeconds;
    private final String redisHost;
    private final int redisPort;
    private final int kafkaPort;
    private final int kafkaControllerPort;
    private final Optional<String> kafkaBootstrap;
    private final int kafkaPartitions;
    private final int fanoutConsumers;
    private final int socketWriteBuffer;
    private final Optional<String> nodeId;
    private final Optional<Path> appWar;
    private final Optional<Path> appRar;
    private final Optional<Path> appEar;
    private final List<String> payaraJavaOpts;
    private final List<String> kafkaJavaOpts;
    private final Duration startupTimeout;
    private final Duration stopTimeout;

    private StackConfig(Function<String, Optional<String>> source, Path workingDir, Path repositoryRoot) {
        Reader in = new Reader(source, workingDir);
        this.repositoryRoot = repositoryRoot;
        this.stateDir = in.path(STATE_DIR).orElse(repositoryRoot.resolve(".stack")).toAbsolutePath().normalize();
        this.bindAddress = in.string(BIND_ADDRESS, "127.0.0.1");
        this.httpPort = in.port(HTTP_PORT, 8080);
        this.httpsPort = in.port(HTTPS_PORT, 8181);
        this.httpsKeystore = in.path(HTTPS_KEYSTORE);
        this.httpsKeystorePassword = in.string(HTTPS_KEYSTORE_PASSWORD, "changeit");
        this.httpsKeyAlias = in.optional(HTTPS_KEY_ALIAS);
        this.dbHost = in.string(DB_HOST, "127.0.0.1");
        this.dbPort = in.port(DB_PORT, 3306);
        this.dbUser = in.string(DB_USER, "root");
        this.dbPassword = in.string(DB_PASSWORD, "");
        this.dbPrefix = in.matching(DB_PREFIX, "chat_", DB_PREFIX_PATTERN, "letters, digits and '_', at most 40");
        this.shards = in.integer(SHARDS, 4, 1, 256);
        this.dbPoolSteady = in.integer(DB_POOL_STEADY, 2, 0, 10_000);
        this.dbPoolMax = in.integer(DB_POOL_MAX, 20, 1, 10_000);
        this.dbValidatePeriodSeconds = in.integer(DB_VALIDATE_PERIOD, 10, 0, 86_400);
        this.redisHost = in.string(REDIS_HOST, "127.0.0.1");
        this.redisPort = in.port(REDIS_PORT, 6379);
        this.kafkaPort = in.port(KAFKA_PORT, 9092);
        this.kafkaControllerPort = in.port(KAFKA_CONTROLLER_PORT, 9093);
        this.kafkaBootstrap = in.optional(KAFKA_BOOTSTRAP);
        this.kafkaPartitions = in.integer(KAFKA_PARTITIONS, 8, 1, 10_000);
        this.fanoutConsumers = in.integer(FANOUT_CONSUMERS, 4, 1, 1_000);
        this.socketWriteBuffer = in.integer(SOCKET_WRITE_BUFFER, 131_072, 4096, 64 * 1024 * 1024);
        this.nodeId = in.optional(NODE_ID);
        this.appWar = in.path(APP_WAR);
        this.appRar = in.path(APP_RAR);
        this.appEar = in.path(APP_EAR);
        this.payaraJavaOpts = in.words(PAYARA_JAVA_OPTS, "-Xms256m -Xmx1g");
        this.kafkaJavaOpts = in.words(KAFKA_JAVA_OPTS, "-Xms128m -Xmx512m");
        this.startupTimeout = Duration.ofSeconds(in.integer(STARTUP_TIMEOUT, 180, 1, 3600));
        this.stopTimeout = Duration.ofSeconds(in.integer(STOP_TIMEOUT, 30, 1, 3600));

        kafkaBootstrap.ifPresent(b -> {
            if (!HOST_PORT_LIST.matcher(b).matches()) {
                throw new ConfigException(KAFKA_BOOTSTRAP.name() + ": '" + b + "' is not a list of host:port");
            }
        });
        if (dbPoolSteady > dbPoolMax) {
            throw new ConfigException(DB_POOL_STEADY.name() + " (" + dbPoolSteady + ") is larger than "
                    + DB_POOL_MAX.name() + " (" + dbPoolMax + ")");
        }
        if (kafkaBootstrap.isEmpty() && kafkaPort == kafkaControllerPort) {
            throw new ConfigException(KAFKA_PORT.name() + " and " + KAFKA_CONTROLLER_PORT.name() + " must differ");
        }
        if (httpPort == httpsPort) {
            throw new ConfigException(HTTP_PORT.name() + " and " + HTTPS_PORT.name() + " must differ");
        }
    }

    /**
     * Reads the configuration of this process: system properties, then environment variables.
     *
     * @param workingDir the directory relative paths are resolved against; the repository root is searched upwards
     *                   from it
     * @return the configuration
     * @throws ConfigException if a value is invalid
     */
    public static StackConfig fromEnvironment(Path workingDir) {
        Map<String, String> env = System.getenv();
        return from(name -> Optional.ofNullable(System.getProperty(name)).or(() -> Optional.ofNullable(env.get(name))),
                workingDir);
    }

    /**
     * Reads the configuration from the given values only (for tests and tools).
     *
     * @param values     setting name to value
     * @param workingDir the directory relative paths are resolved against
     * @return the configuration
     * @throws ConfigException if a value is invalid
     */
    public static StackConfig from(Map<String, String> values, Path workingDir) {
        Map<String, String> copy = new HashMap<>(values);
        return from(name -> Optional.ofNullable(copy.get(name)), workingDir);
    }

    private static StackConfig from(Function<String, Optional<String>> source, Path workingDir) {
        Path absolute = workingDir.toAbsolutePath().normalize();
        return new StackConfig(source, absolute, findRepositoryRoot(absolute));
    }

    /**
     * The chat repository containing {@code dir} (the nearest ancestor with {@code server-config/pom.xml}), so that
     * the wrapper, the integration tests (run from their module folder) and an IDE share one state folder; or
     * {@code dir} itself outside a checkout.
     */
    static Path findRepositoryRoot(Path dir) {
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("server-config/pom.xml")) && Files.isRegularFile(p.resolve("pom.xml"))) {
                return p;
            }
        }
        return dir;
    }

    /**
     * Renders all settings as a Markdown table (name, default, meaning) for the README.
     *
     * @return the table, one line per setting, ending with a newline
     */
    public static String renderMarkdownTable() {
        StringBuilder out = new StringBuilder("| variable | default | meaning |\n|---|---|---|\n");
        for (Setting s : SETTINGS) {
            out.append("| `").append(s.name()).append("` | ").append(s.defaultValue()).append(" | ")
                    .append(s.description().replace("|", "\\|")).append(" |\n");
        }
        return out.toString();
    }

    /** @return the chat repository root (where the build tree's artifacts are looked up) */
    public Path repositoryRoot() {
        return repositoryRoot;
    }

    /** @return absolute folder for all local state ({@link #STATE_DIR}) */
    public Path stateDir() {
        return stateDir;
    }

    /** @return address the Payara Micro listeners bind to ({@link #BIND_ADDRESS}) */
    public String bindAddress() {
        return bindAddress;
    }

    /**
     * @return the host to put in URLs and readiness probes: the bind address, or loopback when binding to all
     *         interfaces
     */
    public String publicHost() {
        return "0.0.0.0".equals(bindAddress) || "::".equals(bindAddress) ? "127.0.0.1" : bindAddress;
    }

    /** @return HTTP port ({@link #HTTP_PORT}) */
    public int httpPort() {
        return httpPort;
    }

    /** @return HTTPS port ({@link #HTTPS_PORT}) */
    public int httpsPort() {
        return httpsPort;
    }

    /** @return the HTTPS key store, if configured ({@link #HTTPS_KEYSTORE}) */
    public Optional<Path> httpsKeystore() {
        return httpsKeystore;
    }

    /** @return password of the HTTPS key store ({@link #HTTPS_KEYSTORE_PASSWORD}) */
    public String httpsKeystorePassword() {
        return httpsKeystorePassword;
    }

    /** @return certificate alias in the HTTPS key store, if configured ({@link #HTTPS_KEY_ALIAS}) */
    public Optional<String> httpsKeyAlias() {
        return httpsKeyAlias;
    }

    /** @return database host ({@link #DB_HOST}) */
    public String dbHost() {
        return dbHost;
    }

    /** @return database port ({@link #DB_PORT}) */
    public int dbPort() {
        return dbPort;
    }

    /** @return database user ({@link #DB_USER}) */
    public String dbUser() {
        return dbUser;
    }

    /** @return database password, possibly empty ({@link #DB_PASSWORD}) */
    public String dbPassword() {
        return dbPassword;
    }

    /** @return database name prefix ({@link #DB_PREFIX}) */
    public String dbPrefix() {
        return dbPrefix;
    }

    /** @return number of shards ({@link #SHARDS}) */
    public int shards() {
        return shards;
    }

    /** @return name of the directory database, e.g. {@code chat_directory} */
    public String directoryDatabase() {
        return dbPrefix + DIRECTORY_DATABASE;
    }

    /**
     * @param index shard index, from 0
     * @return name of that shard's database, e.g. {@code chat_shard_0}
     */
    public String shardDatabase(int index) {
        Objects.checkIndex(index, shards);
        return dbPrefix + SHARD_DATABASE + index;
    }

    /** @return JDBC URL of one database on the configured server, without credentials */
    public String jdbcUrl(String database) {
        return "jdbc:mariadb://" + hostForUrl(dbHost) + ":" + dbPort + "/" + database;
    }

    /** @return steady JDBC pool size ({@link #DB_POOL_STEADY}) */
    public int dbPoolSteady() {
        return dbPoolSteady;
    }

    /** @return maximum JDBC pool size ({@link #DB_POOL_MAX}) */
    public int dbPoolMax() {
        return dbPoolMax;
    }

    /** @return seconds within which a pooled connection is validated at most once; 0 validates on every use */
    public int dbValidatePeriodSeconds() {
        return dbValidatePeriodSeconds;
    }

    /** @return Redis host ({@link #REDIS_HOST}) */
    public String redisHost() {
        return redisHost;
    }

    /** @return Redis port ({@link #REDIS_PORT}) */
    public int redisPort() {
        return redisPort;
    }

    /** @return the Redis address in Redisson's form, e.g. {@code redis://127.0.0.1:6379} */
    public String redisAddress() {
        return "redis://" + hostForUrl(redisHost) + ":" + redisPort;
    }

    /** @return client port of the local broker ({@link #KAFKA_PORT}) */
    public int kafkaPort() {
        return kafkaPort;
    }

    /** @return controller port of the local broker ({@link #KAFKA_CONTROLLER_PORT}) */
    public int kafkaControllerPort() {
        return kafkaControllerPort;
    }

    /** @return whether the stack runs its own broker (no {@link #KAFKA_BOOTSTRAP} given) */
    public boolean localKafka() {
        return kafkaBootstrap.isEmpty();
    }

    /** @return the bootstrap servers the application uses: the external ones, or the local broker */
    public String kafkaBootstrapServers() {
        return kafkaBootstrap.orElse("127.0.0.1:" + kafkaPort);
    }

    /** @return send buffer in bytes of Payara's client connections ({@link #SOCKET_WRITE_BUFFER}) */
    public int socketWriteBuffer() {
        return socketWriteBuffer;
    }

    /** @return partitions of the messages topic ({@link #KAFKA_PARTITIONS}) */
    public int kafkaPartitions() {
        return kafkaPartitions;
    }

    /** @return Kafka consumers of the fan-out on each node ({@link #FANOUT_CONSUMERS}) */
    public int fanoutConsumers() {
        return fanoutConsumers;
    }

    /** @return the configured node id, if any ({@link #NODE_ID}) */
    public Optional<String> nodeId() {
        return nodeId;
    }

    /** @return the WAR override, if any ({@link #APP_WAR}) */
    public Optional<Path> appWar() {
        return appWar;
    }

    /** @return the RAR override, if any ({@link #APP_RAR}) */
    public Optional<Path> appRar() {
        return appRar;
    }

    /** @return the EAR override, if any ({@link #APP_EAR}) */
    public Optional<Path> appEar() {
        return appEar;
    }

    /** @return JVM options of Payara Micro ({@link #PAYARA_JAVA_OPTS}) */
    public List<String> payaraJavaOpts() {
        return payaraJavaOpts;
    }

    /** @return JVM options of the Kafka broker ({@link #KAFKA_JAVA_OPTS}) */
    public List<String> kafkaJavaOpts() {
        return kafkaJavaOpts;
    }

    /** @return how long each service may take to become ready ({@link #STARTUP_TIMEOUT}) */
    public Duration startupTimeout() {
        return startupTimeout;
    }

    /** @return how long a service may take to exit after TERM ({@link #STOP_TIMEOUT}) */
    public Duration stopTimeout() {
        return stopTimeout;
    }

    /**
     * Whether a host is a loopback address (by literal, or by resolving it). Embedded services are only started on
     * loopback hosts: the stack never binds a database to a network interface on its own.
     *
     * @param host host name or literal
     * @return true for 127.0.0.0/8, ::1 and names resolving only to those
     */
    public static boolean isLoopback(String host) {
        if ("localhost".equalsIgnoreCase(host)) {
            return true;
        }
        try {
            InetAddress[] all = InetAddress.getAllByName(host);
            return all.length > 0 && Arrays.stream(all).allMatch(InetAddress::isLoopbackAddress);
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String hostForUrl(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    /** Typed access to the raw values, with error messages that name the setting. */
    private static final class Reader {
        private final Function<String, Optional<String>> source;
        private final Path workingDir;

        Reader(Function<String, Optional<String>> source, Path workingDir) {
            this.source = source;
            this.workingDir = workingDir;
        }

        Optional<String> optional(Setting s) {
            return source.apply(s.name()).filter(v -> !v.isEmpty());
        }

        String string(Setting s, String defaultValue) {
            return optional(s).orElse(defaultValue);
        }

        String matching(Setting s, String defaultValue, Pattern pattern, String expected) {
            String value = string(s, defaultValue);
            if (!pattern.matcher(value).matches()) {
                throw new ConfigException(s.name() + ": '" + value + "' is not valid (" + expected + ")");
            }
            return value;
        }

        int integer(Setting s, int defaultValue, int min, int max) {
            Optional<String> raw = optional(s);
            if (raw.isEmpty()) {
                return defaultValue;
            }
            try {
                int value = Integer.parseInt(raw.get().trim());
                if (value < min || value > max) {
                    throw new ConfigException(s.name() + ": " + value + " is out of range " + min + ".." + max);
                }
                return value;
            } catch (NumberFormatException e) {
                throw new ConfigException(s.name() + ": '" + raw.get() + "' is not a number");
            }
        }

        int port(Setting s, int defaultValue) {
            return integer(s, defaultValue, 1, 65_535);
        }

        Optional<Path> path(Setting s) {
            return optional(s).map(v -> workingDir.resolve(v).toAbsolutePath().normalize());
        }

        List<String> words(Setting s, String defaultValue) {
            String value = string(s, defaultValue).trim();
            return value.isEmpty() ? List.of() : List.of(value.split("\\s+"));
        }
    }
}
