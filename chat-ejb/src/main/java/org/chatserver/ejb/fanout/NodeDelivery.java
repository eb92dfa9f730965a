package org.chatserver.ejb.fanout;

/**
 * A {@code msg} frame for the local connections of one node that are subscribed to {@code channel}, with the
 * message's {@code seq} (a connection replaying the channel holds live frames back and drops those it replayed). The
 * frame is rendered once, by the fan-out, and written verbatim by every gateway. Immutable; {@link #toString()}
 * leaves the frame out.
 */
public record NodeDelivery(String channel, long seq, String frame) {

    private static final char SEPARATOR = '\n';

    /** The wire form on the node bus: channel id, newline, seq, newline, frame (ids never hold a newline). */
    public String encode() {
        return channel + SEPARATOR + seq + SEPARATOR + frame;
    }

    public static NodeDelivery decode(String wire) {
        int first = wire.indexOf(SEPARATOR);
        int second = first < 0 ? -1 : wire.indexOf(SEPARATOR, first + 1);
        if (second < 0) {
            throw new IllegalArgumentException("not a node delivery");
        }
        return new NodeDelivery(wire.substring(0, first), Long.parseLong(wire.substring(first + 1, second)),
                wire.substring(second + 1));
    }

    @Override
    public String toString() {
        return "NodeDelivery[" + channel + "#" + seq + "]";
    }
}
