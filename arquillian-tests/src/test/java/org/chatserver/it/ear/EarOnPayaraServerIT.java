package org.chatserver.it.ear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.chatserver.it.support.ChatClient;
import org.chatserver.it.support.FirstMessage;
import org.chatserver.it.support.ChatSocket;
import org.chatserver.it.support.TestStack;
import org.chatserver.stack.ChatSystemProperties;
import org.chatserver.stack.PayaraLogScanner;
import org.chatserver.stack.PayaraServerScript;
import org.chatserver.stack.StackConfig;
import org.chatserver.stack.StackLayout;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The EAR as enterprise IT deploys it, on a real Payara Server against the integration phase's MariaDB, Redis and
 * Kafka: a fresh domain of the Payara Server distribution ({@code it.payara.server.zip}) is set up and the EAR deployed
 * by the script that {@code ./chat payara-server-script} writes ({@link PayaraServerScript}), and the first message
 * then goes from alice's socket to bob's through the database, Kafka (the adapter embedded in the EAR) and Redis.
 *
 * <p>The domain uses ports {@value #PORT_BASE} and up (admin +48, HTTP +80), listens on loopback only once restarted
 * with test-only settings, and is stopped and removed after the tests, whatever happened. asadmin's output goes
 * to {@code <state>/logs/payara-server-asadmin.log}, the domain's {@code server.log} is kept as
 * {@code <state>/logs/payara-server.log}, and the script as {@code <state>/payara/payara-server.asadmin}.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class EarOnPayaraServerIT {

    private static final int PORT_BASE = 28000;
    private static final String DOMAIN = "chat-ear-it";
    private static final String NODE_ID = "ear-it-node";
    private static final Duration SET_UP_TIMEOUT = Duration.ofMinutes(1);
    private static final Duration DEPLOY_TIMEOUT = Duration.ofMinutes(3);

    /**
     * Test-only set-up: everything the domain listens on, on loopback, and no JMS broker (the application does not
     * use JMS, and the broker's port listens on all interfaces whatever its host); most of it takes effect at a
     * restart.
     */
    private static final String LOOPBACK = String.join("\n",
            "set configs.config.server-config.network-config.network-listeners.network-listener.http-listener-1"
                    + ".address=127.0.0.1",
            "set configs.config.server-config.network-config.network-listeners.network-listener.http-listener-2"
                    + ".address=127.0.0.1",
            "set configs.config.server-config.network-config.network-listeners.network-listener.admin-listener"
                    + ".address=127.0.0.1",
            "set configs.config.server-config.iiop-service.iiop-listener.orb-listener-1.address=127.0.0.1",
            "set configs.config.server-config.iiop-service.iiop-listener.SSL.address=127.0.0.1",
            "set configs.config.server-config.iiop-service.iiop-listener.SSL_MUTUALAUTH.address=127.0.0.1",
            "set configs.config.server-config.admin-service.jmx-connector.system.address=127.0.0.1",
            "set-hazelcast-configuration --dasbindaddress=127.0.0.1",
            "set configs.config.server-config.jms-service.type=DISABLED",
            "");

    private static PayaraServerDomain domain;
    private static String logAfterDeployment;
    private static ChatClient client;

    @BeforeAll
    static void deployTheEarOnAFreshDomain() throws IOException {
        StackLayout layout = new StackLayout(TestStack.stateDir());
        domain = PayaraServerDomain.create(distribution(), layout.root().resolve("payara-server"), DOMAIN, PORT_BASE,
                layout.logFile("payara-server-asadmin"), layout.logFile("payara-server"));
        domain.start();
        Path loopback = layout.payaraDir().resolve("payara-server-loopback.asadmin");
        Files.createDirectories(loopback.getParent());
        Files.writeString(loopback, LOOPBACK, StandardCharsets.UTF_8);
        domain.runCommandFile(loopback, SET_UP_TIMEOUT);
        domain.restart();

        StackConfig config = StackConfig.from(Map.of(
                StackConfig.KAFKA_BOOTSTRAP.name(), TestStack.kafkaBootstrap(),
                StackConfig.REDIS_PORT.name(), Integer.toString(TestStack.redisPort()),
                StackConfig.DB_PREFIX.name(), TestStack.dbPrefix()), layout.root());
        ChatSystemProperties properties = new ChatSystemProperties(config, layout.jwtPrivateKey(),
                layout.jwtPublicKey(), NODE_ID);
        new PayaraServerScript(config, properties, TestStack.deployments().resolve("chat.ear"),
                TestStack.deployments().resolve("mariadb-java-client.jar")).writeTo(layout.payaraServerScript());
        domain.runCommandFile(layout.payaraServerScript(), DEPLOY_TIMEOUT);

        logAfterDeployment = Files.readString(domain.serverLog(), StandardCharsets.UTF_8);
        client = new ChatClient(URI.create("http://127.0.0.1:" + (PORT_BASE + 80)));
    }

    @AfterAll
    static void stopAndRemoveTheDomain() {
        if (domain != null) {
            domain.close();
        }
    }

    @Test
    void theDeploymentLeavesNoSevereRecordInTheServerLog() {
        // asadmin reports a deployment as successful even when parts of it (an MDB, a pool) failed.
        assertEquals(List.of(), PayaraLogScanner.problems(logAfterDeployment));
        assertTrue(logAfterDeployment.contains("chat was successfully deployed"), "the EAR is deployed");
    }

    @Test
    void alicesFirstMessageReachesBobWithTheSeqOfHerAck() {
        FirstMessage.aliceToBob(client, "hello bob, from the EAR");
    }

    private static Path distribution() {
        String zip = System.getProperty("it.payara.server.zip");
        assertTrue(zip != null && Files.isRegularFile(Path.of(zip)),
                "system property it.payara.server.zip must name the Payara Server distribution, not: " + zip);
        return Path.of(zip);
    }
}
