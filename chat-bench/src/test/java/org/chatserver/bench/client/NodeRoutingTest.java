package org.chatserver.bench.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NodeRoutingTest {

    private static final URI FIRST = URI.create("http://127.0.0.1:8080");

    @Test
    void nodeNListensOnNodeOnesPortPlusNMinusOne() {
        assertSame(FIRST, NodeRouting.url(FIRST, 1));
        assertEquals(URI.create("http://127.0.0.1:8081"), NodeRouting.url(FIRST, 2));
        assertEquals(URI.create("http://127.0.0.1:8084"), NodeRouting.url(FIRST, 5));
        assertEquals(URI.create("https://chat.example:8444/base"),
                NodeRouting.url(URI.create("https://chat.example:8443/base"), 2));
    }

    @Test
    void aUrlWithoutPortCountsFromTheSchemesDefaultPort() {
        assertEquals(URI.create("http://localhost:81"), NodeRouting.url(URI.create("http://localhost"), 2));
        assertEquals(URI.create("https://localhost:445"), NodeRouting.url(URI.create("https://localhost"), 3));
    }

    @Test
    void nodeNumbersStartAtOneAndPortsEndAt65535() {
        assertThrows(IllegalArgumentException.class, () -> NodeRouting.url(FIRST, 0));
        assertEquals(65_535, NodeRouting.url(URI.create("http://h:65534"), 2).getPort());
        assertThrows(IllegalArgumentException.class, () -> NodeRouting.url(URI.create("http://h:65535"), 2));
        assertThrows(IllegalArgumentException.class, () -> new NodeRouting(0));
    }

    @Test
    void membersSpreadRoundRobinFromNodeOne() {
        NodeRouting two = new NodeRouting(2);
        assertEquals(1, two.home(0));
        assertEquals(2, two.home(1));
        assertEquals(1, two.home(2));
        assertEquals(2, two.home(4999));
        NodeRouting three = new NodeRouting(3);
        int[] homes = new int[6];
        for (int i = 0; i < homes.length; i++) {
            homes[i] = three.home(i);
        }
        assertEquals("[1, 2, 3, 1, 2, 3]", java.util.Arrays.toString(homes));
    }

    @Test
    void theFirstReconnectGoesToTheNextNodeThenRoundAllNodes() {
        NodeRouting two = new NodeRouting(2);
        // Member 0 lives on node 1 (the killed one): node 2 first, then alternately node 1 and node 2.
        assertEquals(2, two.reconnectNode(0, 0));
        assertEquals(1, two.reconnectNode(0, 1));
        assertEquals(2, two.reconnectNode(0, 2));
        assertEquals(1, two.reconnectNode(1, 0));
        NodeRouting three = new NodeRouting(3);
        assertEquals(2, three.reconnectNode(0, 0));
        assertEquals(3, three.reconnectNode(0, 1));
        assertEquals(1, three.reconnectNode(0, 2));
        assertEquals(1, three.reconnectNode(2, 0));
        for (int nodes = 2; nodes <= 4; nodes++) {
            NodeRouting routing = new NodeRouting(nodes);
            for (int member = 0; member < 2 * nodes; member++) {
                assertNotEquals(routing.home(member), routing.reconnectNode(member, 0));
                Set<Integer> visited = new HashSet<>();
                for (int attempt = 0; attempt < nodes; attempt++) {
                    visited.add(routing.reconnectNode(member, attempt));
                }
                assertEquals(nodes, visited.size(), "n consecutive attempts visit every node once");
            }
        }
    }

    @Test
    void withOneNodeEveryConnectGoesToNodeOne() {
        NodeRouting one = new NodeRouting(1);
        for (int member = 0; member < 5; member++) {
            assertEquals(1, one.home(member));
            for (int attempt = 0; attempt < 60; attempt++) {
                assertEquals(1, one.reconnectNode(member, attempt));
            }
        }
    }
}
