package org.chatserver.stack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * TCP reachability checks, used to decide between an existing service and an embedded one and to refuse starting
 * on a port that is taken.
 *
 * <p>Stateless and thread-safe.
 */
final class Ports {

    private static final int CONNECT_TIMEOUT_MILLIS = 1000;

    private Ports() {
    }

    /**
     * @param host host
     * @param port port
     * @return whether something accepts TCP connections there
     */
    static boolean isOpen(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * @param host     host
     * @param port     port
     * @param setting  the setting that chose the port, for the error message
     * @param service  the service that wants it
     * @throws StepFailedException if something already listens there
     */
    static void requireFree(String host, int port, Setting setting, String service) throws StepFailedException {
        if (isOpen(host, port)) {
            throw new StepFailedException(service, "port " + host + ":" + port + " is already in use; free it or set "
                    + setting.name());
        }
    }
}
