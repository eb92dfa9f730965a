package org.chatserver.stack;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

/**
 * One Payara Micro node of the local stack. Node 1 is the node that {@code start} and {@code run} start; nodes 2 to
 * {@value #MAX_NODES} join it with {@code ./chat node start N}, as further nodes of one cluster: they share the
 * databases, Redis and Kafka, and a client may reconnect to any of them (chat-bench's {@code reconnect} scenario
 * kills node 1 while its clients fail over to node 2).
 *
 * <p>Node N differs from node 1 only in what must differ between two processes on one machine:
 * <ul>
 *   <li>ports: {@link StackConfig#HTTP_PORT} + N - 1 and {@link StackConfig#HTTPS_PORT} + N - 1 (8081 and 8182 for
 *       node 2 by default);</li>
 *   <li>folder: {@code <state>/payara} for node 1, {@code <state>/payara-N} for node N, holding its command files,
 *       system properties, Micro's root and temporary folders;</li>
 *   <li>gateway node id: {@link StackConfig#NODE_ID} with {@code -N} appended, or a random UUID;</li>
 *   <li>service name, hence pid file and log: {@code payara} for node 1, {@code payara-N} for node N.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe.
 *
 * @param number 1 to {@value #MAX_NODES}
 * @param config the stack configuration
 * @param layout the state folder layout
 */
record PayaraNode(int number, StackConfig config, StackLayout layout) {

    /** Most nodes the launcher runs; enough for failover on one machine, few enough to list every pid file. */
    static final int MAX_NODES = 9;

    PayaraNode {
        if (number < 1 || number > MAX_NODES) {
            throw new ConfigException("node " + number + ": nodes are numbered 1 to " + MAX_NODES);
        }
    }

    /** @return node 1, the one {@code start} starts */
    static PayaraNode first(StackConfig config, StackLayout layout) {
        return new PayaraNode(1, config, layout);
    }

    /**
     * @param operand a node number from the command line
     * @return that node
     * @throws ConfigException if it is not a number from 1 to {@value #MAX_NODES}
     */
    static PayaraNode parse(String operand, StackConfig config, StackLayout layout) {
        try {
            return new PayaraNode(Integer.parseInt(operand.trim()), config, layout);
        } catch (NumberFormatException e) {
            throw new ConfigException("not a node number: " + operand + " (1 to " + MAX_NODES + ")");
        }
    }

    /** @return the service names of all possible nodes, node 1 first: every pid file a node can leave */
    static List<String> allNames() {
        return IntStream.rangeClosed(1, MAX_NODES).mapToObj(PayaraNode::name).toList();
    }

    /** @return whether a service name is that of a Payara node */
    static boolean isNode(String service) {
        return allNames().contains(service);
    }

    private static String name(int number) {
        return number == 1 ? PayaraMicroService.NAME : PayaraMicroService.NAME + "-" + number;
    }

    /** @return the service name: pid file, log file and progress lines */
    String name() {
        return name(number);
    }

    int httpPort() {
        return config.httpPort() + number - 1;
    }

    int httpsPort() {
        return config.httpsPort() + number - 1;
    }

    /**
     * @param configured the configured node id, if any
     * @return this node's gateway node id derived from it
     */
    String nodeId(String configured) {
        return number == 1 ? configured : configured + "-" + number;
    }

    /** @return the node's folder: command files, system properties, Micro's root and temporary folders */
    Path dir() {
        return number == 1 ? layout.payaraDir() : layout.root().resolve(name());
    }

    Path preBootFile() {
        return dir().resolve(StackLayout.PRE_BOOT_FILE);
    }

    Path postBootFile() {
        return dir().resolve(StackLayout.POST_BOOT_FILE);
    }

    Path systemPropertiesFile() {
        return dir().resolve(StackLayout.SYSTEM_PROPERTIES_FILE);
    }

    /** @return Payara Micro's {@code --rootdir} */
    Path rootDir() {
        return dir().resolve("root");
    }

    /** @return Payara Micro's temporary folder ({@code java.io.tmpdir}), emptied on each start */
    Path tmpDir() {
        return dir().resolve("tmp");
    }

    Path logFile() {
        return layout.logFile(name());
    }

    /** @return the application's health URL on this node */
    URI healthUri() {
        try {
            return new URI("http", null, config.publicHost(), httpPort(), PayaraMicroService.HEALTH_PATH, null, null);
        } catch (URISyntaxException e) {
            throw new ConfigException(StackConfig.BIND_ADDRESS.name() + ": not usable in a URL: " + e.getMessage());
        }
    }
}
