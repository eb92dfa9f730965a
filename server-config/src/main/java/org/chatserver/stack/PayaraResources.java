package org.chatserver.stack;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The server resources the chat application looks up, as asadmin commands: a JDBC connection pool and resource for the
 * directory database and for each shard (MariaDB Connector/J), and the Kafka adapter's connector connection pool and
 * resource. Payara Micro's post-boot file ({@link PayaraCommandFiles}) and the Payara Server script
 * ({@link PayaraServerScript}) both take them from here; only the file's syntax and the adapter's name differ.
 *
 * <p>Immutable and thread-safe.
 */
public final class PayaraResources {

    /** JDBC pool of the directory database. */
    public static final String DIRECTORY_POOL = "chat-directory-pool";
    /** JNDI name of the directory data source. */
    public static final String DIRECTORY_RESOURCE = "jdbc/chat/directory";
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
    /** Data source class of MariaDB Connector/J (which Payara must be given as a library). */
    public static final String DATASOURCE_CLASS = "org.mariadb.jdbc.MariaDbDataSource";
    /** Validation through {@code Connection.isValid}, so pools recover after a database restart. */
    public static final String VALIDATION_CLASS = "org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation";

    private static final Pattern PLAIN_USER = Pattern.compile("[A-Za-z0-9_.-]+");

    private final StackConfig config;
    private final AsadminSyntax syntax;

    /**
     * @param config the stack configuration (databases, pool sizes, Kafka)
     * @param syntax the syntax of the command file the commands go into
     */
    public PayaraResources(StackConfig config, AsadminSyntax syntax) {
        this.config = Objects.requireNonNull(config, "config");
        this.syntax = Objects.requireNonNull(syntax, "syntax");
    }

    /** @return the JDBC pool name of shard {@code index}, e.g. {@code chat-shard-0-pool} */
    public static String shardPool(int index) {
        return "chat-shard-" + index + "-pool";
    }

    /** @return the JNDI name of shard {@code index}'s data source, e.g. {@code jdbc/chat/shard-0} */
    public static String shardResource(int index) {
        return "jdbc/chat/shard-" + index;
    }

    /**
     * @return the lines creating the directory's JDBC pool and resource, then each shard's, one command a line
     * @throws ConfigException if a database setting cannot be written into the file
     */
    public String dataSources() {
        StringBuilder out = new StringBuilder();
        appendJdbc(out, DIRECTORY_POOL, DIRECTORY_RESOURCE, config.directoryDatabase());
        for (int i = 0; i < config.shards(); i++) {
            appendJdbc(out, shardPool(i), shardResource(i), config.shardDatabase(i));
        }
        return out.toString();
    }

    /**
     * @param adapterName the name under which the Kafka resource adapter is deployed
     * @return the lines creating the producers' connector connection pool and resource
     */
    public String kafkaConnectionFactory(String adapterName) {
        return "create-connector-connection-pool --raname=" + syntax.argument("resource adapter name", adapterName)
                + " --connectiondefinition=" + KAFKA_CONNECTION_DEFINITION + ' '
                + syntax.propertyOption(Map.of(KAFKA_BOOTSTRAP_PROPERTY, config.kafkaBootstrapServers()))
                + ' ' + KAFKA_POOL + '\n'
                + "create-connector-resource --poolname=" + KAFKA_POOL + ' ' + KAFKA_RESOURCE + '\n';
    }

    private void appendJdbc(StringBuilder out, String pool, String resource, String database) {
        out.append("create-jdbc-connection-pool --datasourceclassname=").append(DATASOURCE_CLASS)
                .append(" --restype=javax.sql.DataSource")
                .append(" --steadypoolsize=").append(config.dbPoolSteady())
                .append(" --maxpoolsize=").append(config.dbPoolMax())
                .append(" --isconnectvalidatereq=true --validationmethod=custom-validation")
                .append(" --validateatmostonceperiod=").append(config.dbValidatePeriodSeconds())
                .append(" --validationclassname=").append(VALIDATION_CLASS)
                .append(' ').append(syntax.propertyOption(connectionProperties(database)))
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
}
