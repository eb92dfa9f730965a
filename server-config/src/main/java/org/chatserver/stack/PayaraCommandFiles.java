package org.chatserver.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Generates the files that configure Payara Micro for the chat application:
 * <ul>
 *   <li>{@code pre-boot.asadmin}: binds the HTTP and HTTPS listeners to the bind address before they open;</li>
 *   <li>{@code post-boot.asadmin}: the JDBC pools and resources of the directory and of each shard, the Kafka
 *       resource adapter (deployed here because Micro deploys its {@code --deploy} archives only after the post-boot
 *       commands, and the WAR needs the adapter), its connection pool and resource;</li>
 *   <li>{@code system.properties}: the application's MicroProfile Config values (bootstrap servers, Redis address,
 *       shard count, node id, development JWT issuer), handed to Micro with {@code --systemproperties}.</li>
 * </ul>
 * The same files are used by {@code ./chat run} and by the integration tests (Arquillian starts its own Payara Micro
 * with them). Output is deterministic for a given input, so tests can compare it and unchanged files are not
 * rewritten.
 *
 * <p>The post-boot commands create resources unconditionally, so they expect a configuration without them: the
 * launcher resets Micro's root folder before each start (see {@link PayaraMicroService}).
 *
 * <p>Immutable and thread-safe.
 */
public final class PayaraCommandFiles {

    /** JDBC pool of the directory database. */
    public static final String DIRECTORY_POOL = "chat-directory-pool";
    /** JNDI name of the directory data source. */
    public static final String DIRECTORY_RESOURCE = "jdbc/chat/directory";
    /** Name under which the Kafka resource adapter is deployed (the pool's {@code --raname}). */
    public static final String RAR_NAME = "chat-kafka-rar";
    /** Connector connection pool of Kafka producers. */
    public static final String KAFKA_POOL = "chat-kafka-pool";
    /** JNDI name of the Kafka connection factory. */
    public static final String KAFKA_RESOURCE = "kafka/chat/producer";
    /** Connection factory interface of the adapter's outbound connection definition. */
    public static final String KAFKA_CONNECTION_DEFINITION = "org.chatserver.kafka.api.KafkaConnectionFactory";
    /**
     * Config property of the adapter's managed connection factory holding the bootstrap servers: the JavaBean
     * property name of {@code setBootstrapServers}, which is also the name the JCA annotations derive.
     */
    public static final String KAFKA_BOOTSTRAP_PROPERTY = "bootstrapServers";
    /** Data source class of MariaDB Connector/J (added to Micro with {@code --addLibs}). */
    public static final String DATASOURCE_CLASS = "org.mariadb.jdbc.MariaDbDataSource";
    /** Validation through {@code Connection.isValid}, so pools recover after a database restart. */
    public static final String VALIDATION_CLASS = "org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation";
    /** Issuer name of the development JWT issuer, also what the application verifies. */
    public static final String JWT_ISSUER = "chat-local";

    private static final String LISTENERS = "configs.config.server-config.network-config.network-listeners";
    private static final Pattern PLAIN_USER = Pattern.compile("[A-Za-z0-9_.-]+");

    private final StackConfig config;
    private final Path rarFile;
    private final Path jwtPrivateKey;
    private final Path jwtPublicKey;
    private final String nodeId;

    /**
     * @param config        the stack configuration
     * @param rarFile       the Kafka resource adapter archive to deploy (need not exist yet: the integration tests
     *                      build it after {@code infra start})
     * @param jwtPrivateKey the development issuer's private key
     * @param jwtPublicKey  the development issuer's public key
     * @param nodeId        the gateway node id of this instance
     */
    public PayaraCommandFiles(StackConfig config, Path rarFile, Path jwtPrivateKey, Path jwtPublicKey, String nodeId) {
        this.config = Objects.requireNonNull(config, "config");
        this.rarFile = rarFile.toAbsolutePath().normalize();
        this.jwtPrivateKey = jwtPrivateKey.toAbsolutePath().normalize();
        this.jwtPublicKey = jwtPublicKey.toAbsolutePath().normalize();
        this.nodeId = Objects.requireNonNull(nodeId, "nodeId");
    }

    /** @return the JDBC pool name of shard {@code index}, e.g. {@code chat-shard-0-pool} */
    public static String shardPool(int index) {
        return "chat-shard-" + index + "-pool";
    }

    /** @return the JNDI name of shard {@code index}'s data source, e.g. {@code jdbc/chat/shard-0} */
    public static String shardResource(int index) {
        return "jdbc/chat/shard-" + index;
    }

    /** @return the content of {@code pre-boot.asadmin} */
    public String preBoot() {
        String address = AsadminSyntax.argument(StackConfig.BIND_ADDRESS.name(), config.bindAddress());
        return header("Runs before Payara Micro boots: bind its listeners before they open.")
                + "set " + LISTENERS + ".network-listener.http-listener.address=" + address + "\n"
                + "set " + LISTENERS + ".network-listener.https-listener.address=" + address + "\n";
    }

    /** @return the content of {@code post-boot.asadmin} */
    public String postBoot() {
        StringBuilder out = new StringBuilder(header(
                "Runs after Payara Micro boots and before it deploys the WAR. Expects none of these resources yet."));
        out.append("\n# Directory database and one database per shard (MariaDB Connector/J).\n");
        appendJdbc(out, DIRECTORY_POOL, DIRECTORY_RESOURCE, config.directoryDatabase());
        for (int i = 0; i < config.shards(); i++) {
            appendJdbc(out, shardPool(i), shardResource(i), config.shardDatabase(i));
        }
        out.append("\n# Kafka resource adapter, before the WAR that uses it, then its producer connection factory.\n")
                .append("deploy --type=rar --name=").append(RAR_NAME).append(' ')
                .append(AsadminSyntax.argument("resource adapter path", rarFile.toString())).append('\n')
                .append("create-connector-connection-pool --raname=").append(RAR_NAME)
                .append(" --connectiondefinition=").append(KAFKA_CONNECTION_DEFINITION).append(' ')
                .append(AsadminSyntax.propertyOption(Map.of(KAFKA_BOOTSTRAP_PROPERTY, config.kafkaBootstrapServers())))
                .append(' ').append(KAFKA_POOL).append('\n')
                .append("create-connector-resource --poolname=").append(KAFKA_POOL).append(' ')
                .append(KAFKA_RESOURCE).append('\n');
        return out.toString();
    }

    /**
     * The application's configuration as system properties (its MicroProfile Config keys).
     *
     * @return property name to value, in a fixed order
     */
    public Map<String, String> systemProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("chat.kafka.bootstrap-servers", config.kafkaBootstrapServers());
        // Payara resolves ${MPCONFIG=...} in MDB activation config against server-level sources only, not the
        // application's microprofile-config.properties: the fan-out MDB's bootstrap servers must be set here.
        p.put("chat.redis.address", config.redisAddress());
        p.put("chat.shards.count", Integer.toString(config.shards()));
        p.put("chat.db.prefix", config.dbPrefix());
        p.put("chat.node.id", nodeId);
        p.put("chat.workspaces.auto-provision", "true");
        p.put("chat.auth.issuer.enabled", "true");
        p.put("chat.auth.issuer.name", JWT_ISSUER);
        p.put("chat.auth.issuer.private-key-location", jwtPrivateKey.toUri().toString());
        p.put("mp.jwt.verify.publickey.location", jwtPublicKey.toUri().toString());
        p.put("mp.jwt.verify.issuer", JWT_ISSUER);
        return Collections.unmodifiableMap(p);
    }

    /** @return {@link #systemProperties()} in {@link java.util.Properties} file syntax (ASCII, escaped) */
    public String systemPropertiesFile() {
        StringBuilder out = new StringBuilder(header(
                "The application's MicroProfile Config for Payara Micro (--systemproperties)."));
        systemProperties().forEach((k, v) ->
                out.append(PropertiesSyntax.escape(k, true)).append('=').append(PropertiesSyntax.escape(v, false))
                        .append('\n'));
        return out.toString();
    }

    /**
     * Writes the three files into the layout's Payara folder; files whose content is unchanged are left alone.
     *
     * @param layout the state folder layout
     * @return the files written or confirmed
     * @throws IOException if a file cannot be written
     */
    public List<Path> writeTo(StackLayout layout) throws IOException {
        Files.createDirectories(layout.payaraDir());
        write(layout.preBootFile(), preBoot());
        write(layout.postBootFile(), postBoot());
        write(layout.systemPropertiesFile(), systemPropertiesFile());
        return List.of(layout.preBootFile(), layout.postBootFile(), layout.systemPropertiesFile());
    }

    private void appendJdbc(StringBuilder out, String pool, String resource, String database) {
        out.append("create-jdbc-connection-pool --datasourceclassname=").append(DATASOURCE_CLASS)
                .append(" --restype=javax.sql.DataSource")
                .append(" --steadypoolsize=").append(config.dbPoolSteady())
                .append(" --maxpoolsize=").append(config.dbPoolMax())
                .append(" --isconnectvalidatereq=true --validationmethod=custom-validation")
                .append(" --validationclassname=").append(VALIDATION_CLASS)
                .append(' ').append(AsadminSyntax.propertyOption(connectionProperties(database)))
                .append(' ').append(pool).append('\n')
                .append("create-jdbc-resource --connectionpoolid=").append(pool).append(' ').append(resource)
                .append('\n');
    }

    /**
     * The data source properties of one database. Payara refuses a pool whose {@code user} property has no
     * password ("No password credential found"), and asadmin cannot express an empty property value, so with an
     * empty password the user goes into the URL instead and no credential properties are set.
     */
    private Map<String, String> connectionProperties(String database) {
        Map<String, String> props = new LinkedHashMap<>();
        String url = config.jdbcUrl(database);
        if (config.dbPassword().isEmpty()) {
            if (!PLAIN_USER.matcher(config.dbUser()).matches()) {
                throw new ConfigException(StackConfig.DB_USER.name() + ": with an empty password the user goes into "
                        + "the JDBC URL and must be letters, digits, '_', '.' or '-'");
            }
            props.put("url", url + "?user=" + config.dbUser());
        } else {
            props.put("url", url);
            props.put("user", config.dbUser());
            props.put("password", config.dbPassword());
        }
        return props;
    }

    private static String header(String purpose) {
        return "# Generated by org.chatserver.stack (server-config) from CHAT_* settings; rewritten on every start.\n"
                + "# " + purpose + "\n";
    }

    private static void write(Path file, String content) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        if (Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), bytes)) {
            return;
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, bytes);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }
}
