package org.chatserver.ejb.fanout;

/**
 * A frame for the local connections of one node that are subscribed to {@code channel}. The frame is rendered once,
 * by the fan-out, and written verbatim by every gateway. Immutable; {@link #toString()} leaves the frame out.
 */
public record NodeDelivery(String channel, String frame) {

    private static final char SEPARATOR = '\n';

    /** The wire form on the node bus: the channel id, a newline, the frame (channel ids never hold a newline). */
    public String encode() {
        return channel + SEPARATOR + frame;
    }

    public static NodeDelivery decode(String wire) {
        int split = wire.indexOf(SEPARATOR);
        if (split < 0) {
            throw new IllegalArgumentException("not a node delivery");
        }
        return new NodeDelivery(wire.substring(0, split), wire.substring(split + 1));
    }

    @Override
    public String toString() {
        return "NodeDelivery[" + channel + "]";
    }
}
