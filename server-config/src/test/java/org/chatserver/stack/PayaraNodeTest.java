package org.chatserver.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rules that let several Payara Micro nodes run side by side on one machine. */
class PayaraNodeTest {

    private final Path repo = Path.of("/repo");
    private final StackLayout layout = new StackLayout(Path.of("/repo/.stack"));

    @Test
    void nodeOneKeepsTheStacksPortsFolderAndName() {
        PayaraNode first = PayaraNode.first(StackConfig.from(Map.of(), repo), layout);

        assertEquals("payara", first.name());
        assertEquals(8080, first.httpPort());
        assertEquals(8181, first.httpsPort());
        assertEquals(Path.of("/repo/.stack/payara/pre-boot.asadmin"), first.preBootFile());
        assertEquals(Path.of("/repo/.stack/logs/payara.log"), first.logFile());
        assertEquals("node-a", first.nodeId("node-a"));
    }

    @Test
    void furtherNodesTakeTheNextPortsTheirOwnFolderAndNodeId() {
        StackConfig config = StackConfig.from(Map.of("CHAT_HTTP_PORT", "9080", "CHAT_HTTPS_PORT", "9443"), repo);

        PayaraNode third = PayaraNode.parse("3", config, layout);

        assertEquals("payara-3", third.name());
        assertEquals(9082, third.httpPort());
        assertEquals(9445, third.httpsPort());
        assertEquals(Path.of("/repo/.stack/payara-3/root"), third.rootDir());
        assertEquals(Path.of("/repo/.stack/payara-3/tmp"), third.tmpDir());
        assertEquals(Path.of("/repo/.stack/logs/payara-3.log"), third.logFile());
        assertEquals("node-a-3", third.nodeId("node-a"));
        assertEquals(URI.create("http://127.0.0.1:9082/api/v1/health"), third.healthUri());
    }

    @Test
    void nodeNumbersOutsideTheRangeAreRefused() {
        StackConfig config = StackConfig.from(Map.of(), repo);

        assertThrows(ConfigException.class, () -> PayaraNode.parse("0", config, layout));
        assertThrows(ConfigException.class, () -> PayaraNode.parse(Integer.toString(PayaraNode.MAX_NODES + 1),
                config, layout));
        assertThrows(ConfigException.class, () -> PayaraNode.parse("two", config, layout));
    }

    @Test
    void everyNodesPidFileIsAServiceTheStopCommandKnows() {
        assertEquals(PayaraNode.MAX_NODES, PayaraNode.allNames().size());
        assertTrue(PayaraNode.isNode("payara"));
        assertTrue(PayaraNode.isNode("payara-2"));
        assertFalse(PayaraNode.isNode("kafka"));
        assertTrue(Stack.SERVICE_ORDER.containsAll(PayaraNode.allNames()));
        assertEquals(Stack.INFRA_SERVICES, Stack.SERVICE_ORDER.subList(0, Stack.INFRA_SERVICES.size()));
    }
}
