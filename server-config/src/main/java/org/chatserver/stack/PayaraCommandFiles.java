package org.chatserver.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
 * with them). The resources and the properties are those of {@link PayaraResources} and {@link ChatSystemProperties},
 * shared with the Payara Server script. Output is deterministic for a given input, so tests can compare it and
 * unchanged files are not rewritten.
 *
 * <p>The post-boot commands create resources unconditionally, so they expect a configuration without them: the
 * launcher resets Micro's root folder before each start (see {@link PayaraMicroService}).
 *
 * <p>Immutable and thread-safe.
 */
public final class PayaraCommandFiles {

    /** Name under which the Kafka resource adapter is deployed (the pool's {@code --raname}). */
    public static final String RAR_NAME = "chat-kafka-rar";

    private static final String LISTENERS = "configs.config.server-config.network-config.network-listeners";

    /**
     * The transport of both listeners. Its send buffer also sizes Grizzly's per-connection write queue (four times
     * the buffer): beyond that, WebSocket writes complete only when the client reads, which is what bounds a slow
     * client's backlog to the application's outbound queue. Left unset, the kernel grows the buffer to megabytes
     * and Grizzly queues four times that for a client that stopped reading.
     */
    static final String TRANSPORT = "configs.config.server-config.network-config.transports.transport.tcp";

    /**
     * JVM option of every Payara that runs the application (Micro's command line, the Server domain's JVM options,
     * the tests' containers): names the JSON-P provider Payara bundles. Without it, {@code JsonProvider.provider()}
     * runs a {@code ServiceLoader} search through the application's class loader on each call, and Payara's MP-JWT
     * calls it twice per bearer token it verifies: about a tenth of a node's CPU samples while clients connect
     * (tickets). Payara's JSON-P reads the property once; the named class is instantiated without a search.
     */
    public static final String JSON_PROVIDER_OPTION = "-Djakarta.json.provider=org.eclipse.parsson.JsonProviderImpl";
    private static final AsadminSyntax SYNTAX = AsadminSyntax.BOOT_COMMAND_FILE;

    private final StackConfig config;
    private final Path rarFile;
    private final PayaraResources resources;
    private final ChatSystemProperties properties;

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
        this.resources = new PayaraResources(config, SYNTAX);
        this.properties = new ChatSystemProperties(config, jwtPrivateKey, jwtPublicKey, nodeId);
    }

    /** @return the content of {@code pre-boot.asadmin} */
    public String preBoot() {
        String address = SYNTAX.argument(StackConfig.BIND_ADDRESS.name(), config.bindAddress());
        return header("Runs before Payara Micro boots: bind its listeners before they open, bound their send buffer.")
                + "set " + LISTENERS + ".network-listener.http-listener.address=" + address + "\n"
                + "set " + LISTENERS + ".network-listener.https-listener.address=" + address + "\n"
                + socketWriteBuffer(config);
    }

    /** The {@code set} command that bounds the send buffer (and so the write queue) of client connections. */
    static String socketWriteBuffer(StackConfig config) {
        return "set " + TRANSPORT + ".socket-write-buffer-size=" + config.socketWriteBuffer() + "\n";
    }

    /** @return the content of {@code post-boot.asadmin} */
    public String postBoot() {
        return header(
                "Runs after Payara Micro boots and before it deploys the WAR. Expects none of these resources yet.")
                + "\n# Directory database and one database per shard (MariaDB Connector/J).\n"
                + resources.dataSources()
                + "\n# Kafka resource adapter, before the WAR that uses it, then its producer connection factory.\n"
                + "deploy --type=rar --name=" + RAR_NAME + ' '
                + SYNTAX.argument("resource adapter path", rarFile.toString()) + '\n'
                + resources.kafkaConnectionFactory(RAR_NAME);
    }

    /**
     * The application's configuration as system properties (its MicroProfile Config keys).
     *
     * @return property name to value, in a fixed order
     */
    public Map<String, String> systemProperties() {
        return properties.asMap();
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
     * Writes the three files into a node's folder; files whose content is unchanged are left alone.
     *
     * @param node the node whose files these are
     * @return the files written or confirmed
     * @throws IOException if a file cannot be written
     */
    List<Path> writeTo(PayaraNode node) throws IOException {
        Files.createDirectories(node.dir());
        GeneratedFiles.write(node.preBootFile(), preBoot());
        GeneratedFiles.write(node.postBootFile(), postBoot());
        GeneratedFiles.write(node.systemPropertiesFile(), systemPropertiesFile());
        return List.of(node.preBootFile(), node.postBootFile(), node.systemPropertiesFile());
    }

    private static String header(String purpose) {
        return "# Generated by org.chatserver.stack (server-config) from CHAT_* settings; rewritten on every start.\n"
                + "# " + purpose + "\n";
    }
}
