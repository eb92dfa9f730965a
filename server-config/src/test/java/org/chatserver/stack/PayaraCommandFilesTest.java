package org.chatserver.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PayaraCommandFilesTest {

    private static final Path RAR = Path.of("/repo/chat-kafka-rar/target/chat-kafka-rar.rar");
    private static final Path PRIVATE_KEY = Path.of("/repo/.stack/keys/jwt-private.pem");
    private static final Path PUBLIC_KEY = Path.of("/repo/.stack/keys/jwt-public.pem");

    @TempDir
    Path dir;

    @Test
    void preBootBindsBothListenersAndBoundsTheirSendBuffer() {
        String preBoot = files(Map.of("CHAT_BIND_ADDRESS", "127.0.0.2", "CHAT_SOCKET_WRITE_BUFFER", "65536")).preBoot();

        assertEquals(List.of(
                "set configs.config.server-config.network-config.network-listeners.network-listener.http-listener"
                        + ".address=127.0.0.2",
                "set configs.config.server-config.network-config.network-listeners.network-listener.https-listener"
                        + ".address=127.0.0.2",
                "set configs.config.server-config.network-config.transports.transport.tcp"
                        + ".socket-write-buffer-size=65536"), commands(preBoot));
    }

    @Test
    void postBootWithDefaultsIsExactlyThis() {
        String pool = "create-jdbc-connection-pool --datasourceclassname=org.mariadb.jdbc.MariaDbDataSource"
                + " --restype=javax.sql.DataSource --steadypoolsize=2 --maxpoolsize=20 --isconnectvalidatereq=true"
                + " --validationmethod=custom-validation --validateatmostonceperiod=10"
                + " --validationclassname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation";
        assertEquals(List.of(
                pool + " --property url=jdbc\\:mariadb\\://127.0.0.1\\:3306/chat_directory?user\\=root"
                        + " chat-directory-pool",
                "create-jdbc-resource --connectionpoolid=chat-directory-pool jdbc/chat/directory",
                pool + " --property url=jdbc\\:mariadb\\://127.0.0.1\\:3306/chat_shard_0?user\\=root chat-shard-0-pool",
                "create-jdbc-resource --connectionpoolid=chat-shard-0-pool jdbc/chat/shard-0",
                pool + " --property url=jdbc\\:mariadb\\://127.0.0.1\\:3306/chat_shard_1?user\\=root chat-shard-1-pool",
                "create-jdbc-resource --connectionpoolid=chat-shard-1-pool jdbc/chat/shard-1",
                pool + " --property url=jdbc\\:mariadb\\://127.0.0.1\\:3306/chat_shard_2?user\\=root chat-shard-2-pool",
                "create-jdbc-resource --connectionpoolid=chat-shard-2-pool jdbc/chat/shard-2",
                pool + " --property url=jdbc\\:mariadb\\://127.0.0.1\\:3306/chat_shard_3?user\\=root chat-shard-3-pool",
                "create-jdbc-resource --connectionpoolid=chat-shard-3-pool jdbc/chat/shard-3",
                "deploy --type=rar --name=chat-kafka-rar /repo/chat-kafka-rar/target/chat-kafka-rar.rar",
                "create-connector-connection-pool --raname=chat-kafka-rar"
                        + " --connectiondefinition=org.chatserver.kafka.api.KafkaConnectionFactory"
                        + " --property bootstrapServers=127.0.0.1\\:9092 chat-kafka-pool",
                "create-connector-resource --poolname=chat-kafka-pool kafka/chat/producer"),
                commands(files(Map.of()).postBoot()));
    }

    @Test
    void aPasswordGoesIntoPropertiesEscaped() {
        String postBoot = files(Map.of("CHAT_DB_USER", "chat", "CHAT_DB_PASSWORD", "p:a=s\\s")).postBoot();

        assertTrue(postBoot.contains(" --property url=jdbc\\:mariadb\\://127.0.0.1\\:3306/chat_shard_0"
                + ":user=chat:password=p\\:a\\=s\\\\s chat-shard-0-pool\n"), postBoot);
        assertFalse(postBoot.contains("?user"));
    }

    @Test
    void aPasswordWithWhitespaceQuotesThePropertyList() {
        String postBoot = files(Map.of("CHAT_DB_PASSWORD", "two words")).postBoot();

        assertTrue(postBoot.contains(" --property \"url=jdbc\\:mariadb\\://127.0.0.1\\:3306/chat_directory"
                + ":user=root:password=two words\" chat-directory-pool\n"), postBoot);
    }

    @Test
    void aPasswordThatCannotBeWrittenIsRefusedByName() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> files(Map.of("CHAT_DB_PASSWORD", "it's")).postBoot());

        assertTrue(e.getMessage().startsWith("property password: quotes"), e.getMessage());
    }

    @Test
    void withAnEmptyPasswordAnUnusualUserIsRefused() {
        assertThrows(ConfigException.class, () -> files(Map.of("CHAT_DB_USER", "a&b")).postBoot());
    }

    @Test
    void poolPerShardFollowsTheShardCountAndPrefixAndSizes() {
        String postBoot = files(Map.of("CHAT_SHARDS", "2", "CHAT_DB_PREFIX", "t_", "CHAT_DB_POOL_STEADY", "1",
                "CHAT_DB_POOL_MAX", "5")).postBoot();

        assertTrue(postBoot.contains("/t_shard_1?user\\=root chat-shard-1-pool\n"));
        assertFalse(postBoot.contains("chat-shard-2-pool"));
        assertTrue(postBoot.contains("/t_directory?"));
        assertTrue(postBoot.contains("--steadypoolsize=1 --maxpoolsize=5 "));
    }

    @Test
    void theAdapterIsDeployedBeforeItsPoolAndAfterTheDataSources() {
        List<String> commands = commands(files(Map.of("CHAT_KAFKA_BOOTSTRAP", "k1:9092,k2:9092")).postBoot());
        int deploy = indexOfPrefix(commands, "deploy ");
        int pool = indexOfPrefix(commands, "create-connector-connection-pool ");

        assertEquals(commands.size() - 3, deploy);
        assertEquals(deploy + 1, pool);
        assertTrue(commands.get(pool).contains(" --property bootstrapServers=k1\\:9092,k2\\:9092 "));
    }

    @Test
    void aRarPathWithSpacesIsQuoted() {
        PayaraCommandFiles files = new PayaraCommandFiles(StackConfig.from(Map.of(), dir),
                Path.of("/my repo/chat-kafka-rar.rar"), PRIVATE_KEY, PUBLIC_KEY, "n1");

        assertTrue(files.postBoot()
                .contains("deploy --type=rar --name=chat-kafka-rar \"/my repo/chat-kafka-rar.rar\"\n"));
    }

    @Test
    void systemPropertiesCarryTheApplicationConfiguration() {
        Map<String, String> p = files(Map.of("CHAT_REDIS_PORT", "16379", "CHAT_SHARDS", "3",
                "CHAT_FANOUT_CONSUMERS", "2")).systemProperties();

        assertEquals("127.0.0.1:9092", p.get("chat.kafka.bootstrap-servers"));
        assertEquals("2", p.get("chat.fanout.consumers"));
        assertEquals("true", p.get("chat.workspaces.auto-provision"));
        assertEquals("redis://127.0.0.1:16379", p.get("chat.redis.address"));
        assertEquals("3", p.get("chat.shards.count"));
        assertEquals("chat_", p.get("chat.db.prefix"));
        assertEquals("node-1", p.get("chat.node.id"));
        assertEquals("true", p.get("chat.auth.issuer.enabled"));
        assertEquals("chat-local", p.get("chat.auth.issuer.name"));
        assertEquals("file:///repo/.stack/keys/jwt-private.pem", p.get("chat.auth.issuer.private-key-location"));
        assertEquals("file:///repo/.stack/keys/jwt-public.pem", p.get("mp.jwt.verify.publickey.location"));
        assertEquals("chat-local", p.get("mp.jwt.verify.issuer"));
        assertEquals(12, p.size());
    }

    @Test
    void filesAreWrittenIntoTheNodesFolderAndReadBack() throws IOException {
        StackLayout layout = new StackLayout(dir.resolve("state"));
        PayaraCommandFiles files = files(Map.of());
        PayaraNode second = new PayaraNode(2, StackConfig.from(Map.of(), dir), layout);

        List<Path> written = files.writeTo(second);

        Path folder = layout.root().resolve("payara-2");
        assertEquals(List.of(folder.resolve("pre-boot.asadmin"), folder.resolve("post-boot.asadmin"),
                folder.resolve("system.properties")), written);
        assertEquals(files.postBoot(), Files.readString(second.postBootFile()));
        Properties loaded = new Properties();
        try (InputStream in = Files.newInputStream(second.systemPropertiesFile())) {
            loaded.load(in);
        }
        assertEquals(files.systemProperties(), Map.copyOf(loaded.entrySet().stream().collect(
                Collectors.toMap(e -> (String) e.getKey(), e -> (String) e.getValue()))));
        assertEquals(files.postBoot(), files(Map.of()).postBoot(), "deterministic output");
    }

    private PayaraCommandFiles files(Map<String, String> settings) {
        return new PayaraCommandFiles(StackConfig.from(settings, dir), RAR, PRIVATE_KEY, PUBLIC_KEY, "node-1");
    }

    /** The command lines, without comments and blank lines, as Payara's reader sees them. */
    private static List<String> commands(String file) {
        return file.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    private static int indexOfPrefix(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }
}
