package org.chatserver.ejb.fanout;

/**
 * A {@code msg} frame for the local connections of one node that are subscribed to {@code channel}, with the
 * message's {@code seq} (a connection replaying the channel holds live frames back and drops those it replayed). The
 * frame is rendered once, by the fan-out, and written verbatim by every gateway. Immutable; {@link #toString()}
 * leaves the frame out.
 */
public record NodeDelivery(String channel, long seq, String frame) implements NodeEvent {

    static final char KIND = 'M';

    @Override
    public String orderingKey() {
        return channel;
    }

    @Override
    public String encode() {
        return NodeEvent.join(KIND, channel, seq, frame);
    }

    static NodeDelivery decodeFields(String[] fields) {
        return new NodeDelivery(fields[0], Long.parseLong(fields[1]), fields[2]);
    }

    @Override
    public String toString() {
        return "NodeDelivery[" + channel + "#" + seq + "]";
    }
}
