package org.chatserver.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Payara Server script; its escapes are the forms asadmin multimode was seen to accept (Payara 6.2025.10). */
class PayaraServerScriptTest {

    private static final Path EAR = Path.of("/repo/chat-ear/target/chat.ear");
    private static final Path DRIVER = Path.of("/m2/mariadb-java-client-3.5.11.jar");
    private static final Path PRIVATE_KEY = Path.of("/repo/.stack/keys/jwt-private.pem");
    private static final Path PUBLIC_KEY = Path.of("/repo/.stack/keys/jwt-public.pem");

    @TempDir
    Path dir;

    @Test
    void withDefaultsIsExactlyThis() {
        String pool = "create-jdbc-connection-pool --datasourceclassname=org.mariadb.jdbc.MariaDbDataSource"
                + " --restype=javax.sql.DataSource --steadypoolsize=2 --maxpoolsize=20 --isconnectvalidatereq=true"
                + " --validationmethod=custom-validation --validateatmostonceperiod=10"
                + " --validationclassname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation"
                + " --property url=jdbc\\\\:mariadb\\\\://127.0.0.1\\\\:3306/chat_";
        List<String> expected = List.of(
                "add-library /m2/mariadb-java-client-3.5.11.jar",
                "create-system-properties chat.kafka.bootstrap-servers=127.0.0.1\\\\:9092:chat.fanout.consumers=4"
                        + ":chat.redis.address=redis\\\\://127.0.0.1\\\\:6379:chat.shards.count=4:chat.db.prefix=chat_"
                        + ":chat.node.id=node-1:chat.workspaces.auto-provision=true:chat.auth.issuer.enabled=true"
                        + ":chat.auth.issuer.name=chat-local"
                        + ":chat.auth.issuer.private-key-location=file\\\\:///repo/.stack/keys/jwt-private.pem"
                        + ":mp.jwt.verify.publickey.location=file\\\\:///repo/.stack/keys/jwt-public.pem"
                        + ":mp.jwt.verify.issuer=chat-local",
                pool + "directory?user\\\\=root chat-directory-pool",
                "create-jdbc-resource --connectionpoolid=chat-directory-pool jdbc/chat/directory",
                pool + "shard_0?user\\\\=root chat-shard-0-pool",
                "create-jdbc-resource --connectionpoolid=chat-shard-0-pool jdbc/chat/shard-0",
                pool + "shard_1?user\\\\=root chat-shard-1-pool",
                "create-jdbc-resource --connectionpoolid=chat-shard-1-pool jdbc/chat/shard-1",
                pool + "shard_2?user\\\\=root chat-shard-2-pool",
                "create-jdbc-resource --connectionpoolid=chat-shard-2-pool jdbc/chat/shard-2",
                pool + "shard_3?user\\\\=root chat-shard-3-pool",
                "create-jdbc-resource --connectionpoolid=chat-shard-3-pool jdbc/chat/shard-3",
                "deploy --name=chat /repo/chat-ear/target/chat.ear",
                "create-connector-connection-pool --raname=chat#chat-kafka-rar"
                        + " --connectiondefinition=org.chatserver.kafka.api.KafkaConnectionFactory"
                        + " --property bootstrapServers=127.0.0.1\\\\:9092 chat-kafka-pool",
                "create-connector-resource --poolname=chat-kafka-pool kafka/chat/producer",
                "set configs.config.server-config.network-config.transports.transport.tcp"
                        + ".socket-write-buffer-size=131072",
                "create-jvm-options -Djakarta.json.provider=org.eclipse.parsson.JsonProviderImpl");

        assertEquals(expected, commands(script(Map.of()).content()));
    }

    @Test
    void systemPropertiesAreThoseMicroGets() {
        StackConfig config = StackConfig.from(Map.of("CHAT_REDIS_PORT", "16379", "CHAT_SHARDS", "2"), dir);
        ChatSystemProperties properties = new ChatSystemProperties(config, PRIVATE_KEY, PUBLIC_KEY, "node-1");
        PayaraCommandFiles micro = new PayaraCommandFiles(config, Path.of("/a.rar"), PRIVATE_KEY, PUBLIC_KEY,
                "node-1");

        assertEquals(micro.systemProperties(), properties.asMap());
        assertTrue(new PayaraServerScript(config, properties, EAR, DRIVER).content().contains(
                "create-system-properties " + AsadminSyntax.MULTIMODE_FILE.propertyList(properties.asMap()) + "\n"));
    }

    @Test
    void theConnectorPoolComesAfterTheDeploymentThatBringsItsAdapter() {
        List<String> commands = commands(script(Map.of()).content());

        assertEquals(0, indexOfPrefix(commands, "add-library "));
        assertEquals(1, indexOfPrefix(commands, "create-system-properties "));
        assertEquals(2, indexOfPrefix(commands, "create-jdbc-connection-pool "));
        int deploy = indexOfPrefix(commands, "deploy ");
        assertEquals(commands.size() - 5, deploy);
        assertEquals(deploy + 1, indexOfPrefix(commands, "create-connector-connection-pool --raname=chat#"));
    }

    @Test
    void aPasswordIsEscapedForTheServerAndAgainForAsadminsReader() {
        String content = script(Map.of("CHAT_DB_USER", "chat", "CHAT_DB_PASSWORD", "p:a=s\\s w")).content();

        assertTrue(content.contains(" --property \"url=jdbc\\\\:mariadb\\\\://127.0.0.1\\\\:3306/chat_shard_0"
                + ":user=chat:password=p\\\\:a\\\\=s\\\\\\\\s w\" chat-shard-0-pool\n"), content);
    }

    @Test
    void pathsWithWhitespaceAreQuoted() {
        StackConfig config = StackConfig.from(Map.of(), dir);
        String content = new PayaraServerScript(config,
                new ChatSystemProperties(config, Path.of("/my keys/private.pem"), PUBLIC_KEY, "n1"),
                Path.of("/my repo/chat.ear"), Path.of("/my m2/driver.jar")).content();

        assertTrue(content.contains("\nadd-library \"/my m2/driver.jar\"\n"), content);
        assertTrue(content.contains("\ndeploy --name=chat \"/my repo/chat.ear\"\n"), content);
        assertTrue(content.contains(":chat.auth.issuer.private-key-location=file\\\\:///my%20keys/private.pem:"),
                content);
    }

    @Test
    void aValueThatCannotBeWrittenIsRefusedByName() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> script(Map.of("CHAT_DB_PASSWORD", "it's")).content());

        assertTrue(e.getMessage().startsWith("property password: quotes"), e.getMessage());
    }

    @Test
    void writtenAsUtf8IntoANewFolderAndDeterministic() throws IOException {
        Path file = dir.resolve("out/payara-server.asadmin");
        StackConfig config = StackConfig.from(Map.of(), dir);
        PayaraServerScript script = new PayaraServerScript(config,
                new ChatSystemProperties(config, PRIVATE_KEY, PUBLIC_KEY, "nœud-1"), EAR, DRIVER);

        script.writeTo(file);

        assertEquals(script.content(), Files.readString(file, StandardCharsets.UTF_8));
        assertTrue(script.content().contains(":chat.node.id=nœud-1:"));
        assertEquals(script(Map.of()).content(), script(Map.of()).content(), "deterministic output");
    }

    private PayaraServerScript script(Map<String, String> settings) {
        StackConfig config = StackConfig.from(settings, dir);
        return new PayaraServerScript(config, new ChatSystemProperties(config, PRIVATE_KEY, PUBLIC_KEY, "node-1"),
                EAR, DRIVER);
    }

    /** The command lines, without comments and blank lines, as asadmin's reader sees them. */
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
