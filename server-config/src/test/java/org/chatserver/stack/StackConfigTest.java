package org.chatserver.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackConfigTest {

    @TempDir
    Path dir;

    @Test
    void defaultsApplyWhenNothingIsSet() {
        StackConfig c = StackConfig.from(Map.of(), dir);

        assertEquals(dir.resolve(".stack"), c.stateDir());
        assertEquals("127.0.0.1", c.bindAddress());
        assertEquals(8080, c.httpPort());
        assertEquals(8181, c.httpsPort());
        assertEquals("127.0.0.1", c.dbHost());
        assertEquals(3306, c.dbPort());
        assertEquals("root", c.dbUser());
        assertEquals("", c.dbPassword());
        assertEquals("chat_", c.dbPrefix());
        assertEquals(4, c.shards());
        assertEquals(2, c.dbPoolSteady());
        assertEquals(20, c.dbPoolMax());
        assertEquals("127.0.0.1", c.redisHost());
        assertEquals(6379, c.redisPort());
        assertEquals(9092, c.kafkaPort());
        assertEquals(9093, c.kafkaControllerPort());
        assertTrue(c.localKafka());
        assertEquals("127.0.0.1:9092", c.kafkaBootstrapServers());
        assertEquals(8, c.kafkaPartitions());
        assertEquals(Optional.empty(), c.nodeId());
        assertEquals(Optional.empty(), c.httpsKeystore());
        assertEquals(List.of("-Xms256m", "-Xmx1g"), c.payaraJavaOpts());
        assertEquals(Duration.ofSeconds(180), c.startupTimeout());
        assertEquals(Duration.ofSeconds(30), c.stopTimeout());
    }

    @Test
    void valuesOverrideDefaults() {
        StackConfig c = StackConfig.from(Map.ofEntries(
                Map.entry("CHAT_STATE_DIR", "state"),
                Map.entry("CHAT_BIND_ADDRESS", "0.0.0.0"),
                Map.entry("CHAT_HTTP_PORT", "9080"),
                Map.entry("CHAT_DB_PORT", "13306"),
                Map.entry("CHAT_DB_USER", "chat"),
                Map.entry("CHAT_DB_PASSWORD", "s3cret"),
                Map.entry("CHAT_DB_PREFIX", "dev_"),
                Map.entry("CHAT_SHARDS", "2"),
                Map.entry("CHAT_REDIS_PORT", "16379"),
                Map.entry("CHAT_KAFKA_BOOTSTRAP", "k1:9092,k2:9092"),
                Map.entry("CHAT_KAFKA_PARTITIONS", "16"),
                Map.entry("CHAT_NODE_ID", "node-a"),
                Map.entry("CHAT_PAYARA_JAVA_OPTS", "  -Xmx2g   -XX:+UseZGC ")), dir);

        assertEquals(dir.resolve("state"), c.stateDir());
        assertEquals("127.0.0.1", c.publicHost(), "URLs use loopback when binding to all interfaces");
        assertEquals(9080, c.httpPort());
        assertEquals("jdbc:mariadb://127.0.0.1:13306/dev_shard_1", c.jdbcUrl(c.shardDatabase(1)));
        assertEquals("dev_directory", c.directoryDatabase());
        assertEquals("chat", c.dbUser());
        assertEquals("s3cret", c.dbPassword());
        assertEquals("redis://127.0.0.1:16379", c.redisAddress());
        assertFalse(c.localKafka());
        assertEquals("k1:9092,k2:9092", c.kafkaBootstrapServers());
        assertEquals(16, c.kafkaPartitions());
        assertEquals(Optional.of("node-a"), c.nodeId());
        assertEquals(List.of("-Xmx2g", "-XX:+UseZGC"), c.payaraJavaOpts());
    }

    @Test
    void emptyValuesCountAsUnset() {
        StackConfig c = StackConfig.from(Map.of("CHAT_HTTP_PORT", "", "CHAT_KAFKA_BOOTSTRAP", ""), dir);

        assertEquals(8080, c.httpPort());
        assertTrue(c.localKafka());
    }

    @Test
    void invalidValuesAreRejectedWithTheSettingName() {
        assertMessage("CHAT_HTTP_PORT: 'http' is not a number", Map.of("CHAT_HTTP_PORT", "http"));
        assertMessage("CHAT_DB_PORT: 70000 is out of range 1..65535", Map.of("CHAT_DB_PORT", "70000"));
        assertMessage("CHAT_SHARDS: 0 is out of range 1..256", Map.of("CHAT_SHARDS", "0"));
        assertMessage("CHAT_DB_PREFIX: 'chat-' is not valid (letters, digits and '_', at most 40)",
                Map.of("CHAT_DB_PREFIX", "chat-"));
        assertMessage("CHAT_KAFKA_BOOTSTRAP: 'localhost' is not a list of host:port",
                Map.of("CHAT_KAFKA_BOOTSTRAP", "localhost"));
        assertMessage("CHAT_DB_POOL_STEADY (30) is larger than CHAT_DB_POOL_MAX (20)",
                Map.of("CHAT_DB_POOL_STEADY", "30"));
        assertMessage("CHAT_KAFKA_PORT and CHAT_KAFKA_CONTROLLER_PORT must differ",
                Map.of("CHAT_KAFKA_PORT", "9093"));
        assertMessage("CHAT_HTTP_PORT and CHAT_HTTPS_PORT must differ", Map.of("CHAT_HTTPS_PORT", "8080"));
    }

    @Test
    void theSameKafkaPortsAreFineWithAnExternalCluster() {
        StackConfig c = StackConfig.from(Map.of("CHAT_KAFKA_PORT", "9093", "CHAT_KAFKA_BOOTSTRAP", "h:9092"), dir);

        assertFalse(c.localKafka());
    }

    @Test
    void shardIndexIsChecked() {
        StackConfig c = StackConfig.from(Map.of("CHAT_SHARDS", "2"), dir);

        assertEquals("chat_shard_1", c.shardDatabase(1));
        assertThrows(IndexOutOfBoundsException.class, () -> c.shardDatabase(2));
    }

    @Test
    void stateDirDefaultsToTheRepositoryRootFoundAboveTheWorkingDir() throws IOException {
        Files.createDirectories(dir.resolve("server-config"));
        Files.writeString(dir.resolve("pom.xml"), "<project/>");
        Files.writeString(dir.resolve("server-config/pom.xml"), "<project/>");
        Path module = Files.createDirectories(dir.resolve("arquillian-tests"));

        StackConfig c = StackConfig.from(Map.of(), module);

        assertEquals(dir, c.repositoryRoot());
        assertEquals(dir.resolve(".stack"), c.stateDir());
    }

    @Test
    void onlyLoopbackHostsCountAsLoopback() {
        assertTrue(StackConfig.isLoopback("127.0.0.1"));
        assertTrue(StackConfig.isLoopback("127.0.0.2"));
        assertTrue(StackConfig.isLoopback("localhost"));
        assertTrue(StackConfig.isLoopback("::1"));
        assertFalse(StackConfig.isLoopback("10.1.2.3"));
        assertFalse(StackConfig.isLoopback("0.0.0.0"));
    }

    @Test
    void markdownTableListsEverySettingOnce() {
        String table = StackConfig.renderMarkdownTable();

        assertTrue(table.startsWith("| variable | default | meaning |\n|---|---|---|\n"));
        assertEquals(StackConfig.SETTINGS.size() + 2, table.split("\n").length);
        for (Setting s : StackConfig.SETTINGS) {
            assertTrue(table.contains("| `" + s.name() + "` | "), s.name());
        }
        assertTrue(table.contains("| `CHAT_HTTP_PORT` | `8080` | "));
        assertEquals(StackConfig.SETTINGS.size(), StackConfig.SETTINGS.stream().map(Setting::name).distinct().count());
    }

    private void assertMessage(String expected, Map<String, String> values) {
        ConfigException e = assertThrows(ConfigException.class, () -> StackConfig.from(values, dir));
        assertEquals(expected, e.getMessage());
    }
}
