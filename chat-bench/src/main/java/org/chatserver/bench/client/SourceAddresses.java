package org.chatserver.bench.client;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Assigns loopback source addresses to connections: connection {@code i} binds to {@code 127.0.0.(1 + i / perAddress)},
 * so that no source address needs more ephemeral ports than {@code perAddress} (Linux offers about 28,000 per
 * address and destination). Immutable.
 */
public final class SourceAddresses {

    private final int perAddress;

    /** @param perAddress connections per source address (1..60,000) */
    public SourceAddresses(int perAddress) {
        if (perAddress < 1 || perAddress > 60_000) {
            throw new IllegalArgumentException("connections per source address must be 1..60000: " + perAddress);
        }
        this.perAddress = perAddress;
    }

    /** @return the last octet of connection {@code index}'s 127.0.0.x address */
    public int lastOctet(int index) {
        int octet = 1 + index / perAddress;
        if (octet > 254) {
            throw new IllegalArgumentException("connection " + index + " needs more than 254 loopback addresses");
        }
        return octet;
    }

    /** @return how many distinct addresses {@code connections} connections use */
    public int addressesFor(int connections) {
        return connections == 0 ? 0 : lastOctet(connections - 1);
    }

    /** @return connection {@code index}'s source address */
    public InetAddress addressOf(int index) {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) lastOctet(index)});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
