package org.chatserver.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Small pieces: command parsing, key files, broker configuration, progress lines. */
class MiscTest {

    @TempDir
    Path dir;

    @Test
    void commandsAreParsed() {
        assertEquals(ChatStack.Command.RUN, ChatStack.Command.parse(new String[0]));
        assertEquals(ChatStack.Command.RUN, ChatStack.Command.parse(new String[] {"run"}));
        assertEquals(ChatStack.Command.START, ChatStack.Command.parse(new String[] {"start"}));
        assertEquals(ChatStack.Command.INFRA_START, ChatStack.Command.parse(new String[] {"infra", "start"}));
        assertEquals(ChatStack.Command.INFRA_STOP, ChatStack.Command.parse(new String[] {"infra", "stop"}));
        assertEquals(ChatStack.Command.NODE_RESTART, ChatStack.Command.parse(new String[] {"node", "restart"}));
        assertEquals(ChatStack.Command.NODE_RESTART, ChatStack.Command.parse(new String[] {"node", "restart", "2"}));
        assertEquals(ChatStack.Command.NODE_START, ChatStack.Command.parse(new String[] {"node", "start", "2"}));
        assertEquals(ChatStack.Command.NODE_STOP, ChatStack.Command.parse(new String[] {"Node", "Stop", "3"}));
        assertNull(ChatStack.Command.parse(new String[] {"node"}));
        assertNull(ChatStack.Command.parse(new String[] {"node", "kill", "2"}));
        assertNull(ChatStack.Command.parse(new String[] {"node", "start", "2", "3"}));
        assertEquals(ChatStack.Command.STATUS, ChatStack.Command.parse(new String[] {"status"}));
        assertEquals(ChatStack.Command.HELP, ChatStack.Command.parse(new String[] {"--help"}));
        assertNull(ChatStack.Command.parse(new String[] {"infra"}));
        assertEquals(ChatStack.Command.INFRA_STOP_ONE,
                ChatStack.Command.parse(new String[] {"infra", "stop", "kafka"}));
        assertEquals(ChatStack.Command.INFRA_START_ONE,
                ChatStack.Command.parse(new String[] {"infra", "start", "Redis"}));
        assertNull(ChatStack.Command.parse(new String[] {"infra", "stop", "payara"}));
        assertNull(ChatStack.Command.parse(new String[] {"infra", "restart", "kafka"}));
        assertNull(ChatStack.Command.parse(new String[] {"restart"}));
        assertEquals(ChatStack.Command.PAYARA_SERVER_SCRIPT,
                ChatStack.Command.parse(new String[] {"payara-server-script"}));
        assertEquals(ChatStack.Command.PAYARA_SERVER_SCRIPT,
                ChatStack.Command.parse(new String[] {"payara-server-script", "/tmp/my script.asadmin"}));
        assertNull(ChatStack.Command.parse(new String[] {"payara-server-script", "a", "b"}));
    }

    @Test
    void keyPairIsGeneratedOnceAsPemThatJavaReadsBack() throws Exception {
        Path priv = dir.resolve("keys/jwt-private.pem");
        Path pub = dir.resolve("keys/jwt-public.pem");

        assertTrue(JwtKeys.ensure(priv, pub));
        String privatePem = Files.readString(priv);
        assertFalse(JwtKeys.ensure(priv, pub), "kept once generated");
        assertEquals(privatePem, Files.readString(priv));

        assertTrue(privatePem.startsWith("-----BEGIN PRIVATE KEY-----\n"));
        assertTrue(Files.readString(pub).startsWith("-----BEGIN PUBLIC KEY-----\n"));
        KeyFactory rsa = KeyFactory.getInstance("RSA");
        RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(der(priv)));
        RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(der(pub)));
        assertEquals(2048, publicKey.getModulus().bitLength());
        assertEquals(publicKey.getModulus(), privateKey.getModulus(), "one pair");
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(priv)));
    }

    @Test
    void brokerConfigurationIsForOneLoopbackNode() {
        StackConfig config = StackConfig.from(Map.of("CHAT_KAFKA_PORT", "29092", "CHAT_KAFKA_CONTROLLER_PORT", "29093"),
                dir);
        String props = new KafkaService(config, new StackLayout(dir), null, null)
                .serverProperties(Path.of("/state/kafka/data"));

        assertTrue(props.contains("listeners=PLAINTEXT://127.0.0.1:29092,CONTROLLER://127.0.0.1:29093\n"));
        assertTrue(props.contains("controller.quorum.bootstrap.servers=127.0.0.1:29093\n"));
        assertTrue(props.contains("process.roles=broker,controller\n"));
        assertTrue(props.contains("log.dirs=/state/kafka/data\n"));
        assertTrue(props.contains("offsets.topic.replication.factor=1\n"));
        assertTrue(props.contains("transaction.state.log.replication.factor=1\n"));
        assertTrue(props.contains("transaction.state.log.min.isr=1\n"));
        assertTrue(props.contains("min.insync.replicas=1\n"));
        assertTrue(props.contains("group.initial.rebalance.delay.ms=0\n"));
    }

    @Test
    void progressPrintsOneLinePerStep() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Progress progress = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8));

        progress.begin("kafka", "starting broker").ok();
        progress.begin("kafka", "topic chat.messages").ok("created (8 partitions)");
        Progress.Step interrupted = progress.begin("payara", "starting");
        progress.warn("payara", "look");
        interrupted.failed();

        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertTrue(lines[0].matches("\\[stack] kafka: starting broker \\.\\.\\. ok \\(\\d+\\.\\d s\\)"), lines[0]);
        assertTrue(lines[1].matches("\\[stack] kafka: topic chat.messages \\.\\.\\. created \\(8 partitions\\) "
                + "\\(\\d+\\.\\d s\\)"), lines[1]);
        assertEquals("[stack] payara: starting ... ", lines[2]);
        assertEquals("[stack] payara: WARNING: look", lines[3]);
        assertTrue(lines[4].startsWith("[stack]   ... FAILED ("), lines[4]);
    }

    private static byte[] der(Path pem) throws Exception {
        String body = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }
}
