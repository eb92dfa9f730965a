package org.chatserver.bench.client;

import java.net.URI;
import java.net.URISyntaxException;
import org.chatserver.bench.server.ServerNode;

/**
 * Which server node a simulated client talks to when the stack runs several nodes, and where that node is. Nodes are
 * numbered 1..n as the stack launcher numbers them (see {@link ServerNode}); node N's base URL is node 1's with the
 * HTTP port + N - 1.
 *
 * <p>The rules, in 0-based node indices (index k is node k + 1):
 * <ul>
 * <li>member i's <em>home</em> node, where it connects first, is index i mod n: members spread round robin, so a
 * channel of consecutive members mixes members of every node;</li>
 * <li>after a drop, reconnect attempt a (0 for the first) goes to index (home + 1 + a) mod n. This plays an L4 load
 * balancer in front of the nodes that passes over a node refusing connections: the first attempt goes to another
 * node than the one that dropped the client, and the following ones go round all nodes, the home node included, so
 * a client refused elsewhere too gets back home once its node is up again.</li>
 * </ul>
 * With one node every connect goes to node 1. Immutable and thread-safe.
 */
public final class NodeRouting {

    /** The rules above in one line, for the parameters of a result. */
    public static final String RULE = "member i's home node is index i mod nodes (index 0 = node 1); reconnect "
            + "attempt a (from 0) goes to index (home + 1 + a) mod nodes: the next node first";

    private static final int HTTP_PORT = 80;
    private static final int HTTPS_PORT = 443;
    private static final int MAX_PORT = 65_535;

    private final int nodes;

    /**
     * @param nodes how many nodes run, at least 1
     * @throws IllegalArgumentException if {@code nodes} is below 1
     */
    public NodeRouting(int nodes) {
        if (nodes < 1) {
            throw new IllegalArgumentException("at least one node is needed: " + nodes);
        }
        this.nodes = nodes;
    }

    /** @return how many nodes run */
    public int nodes() {
        return nodes;
    }

    /** @return the number (1..n) of the node that member {@code member} (0, 1, ...) connects to first */
    public int home(int member) {
        return number(Math.floorMod(member, nodes));
    }

    /**
     * @param member  the member's number (0, 1, ...)
     * @param attempt 0 for the first reconnect attempt after a drop, 1 after one failed attempt, ...
     * @return the number (1..n) of the node that attempt goes to
     */
    public int reconnectNode(int member, int attempt) {
        int homeIndex = home(member) - ServerNode.FIRST_NODE;
        return number(Math.floorMod((long) homeIndex + 1 + attempt, nodes));
    }

    /**
     * @param firstNode node 1's base URL, e.g. {@code http://127.0.0.1:8080}
     * @param node      the node's number, 1 or more
     * @return node {@code node}'s base URL: node 1's with the port (or the scheme's default port, if it names none)
     *         + node - 1; node 1's URL unchanged
     * @throws IllegalArgumentException if {@code node} is below 1 or its port would be above 65535
     */
    public static URI url(URI firstNode, int node) {
        if (node < ServerNode.FIRST_NODE) {
            throw new IllegalArgumentException("nodes are numbered from " + ServerNode.FIRST_NODE + ": " + node);
        }
        if (node == ServerNode.FIRST_NODE) {
            return firstNode;
        }
        int firstPort = firstNode.getPort() != -1 ? firstNode.getPort()
                : "https".equals(firstNode.getScheme()) ? HTTPS_PORT : HTTP_PORT;
        long port = (long) firstPort + node - ServerNode.FIRST_NODE;
        if (port > MAX_PORT) {
            throw new IllegalArgumentException("node " + node + " of " + firstNode + " would need port " + port);
        }
        try {
            return new URI(firstNode.getScheme(), firstNode.getUserInfo(), firstNode.getHost(), (int) port,
                    firstNode.getPath(), firstNode.getQuery(), firstNode.getFragment());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("no URL of node " + node + " for " + firstNode, e);
        }
    }

    private static int number(long index) {
        return (int) index + ServerNode.FIRST_NODE;
    }
}
