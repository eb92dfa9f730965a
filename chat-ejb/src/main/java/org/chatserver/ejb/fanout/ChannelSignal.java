package org.chatserver.ejb.fanout;

/**
 * A frame one member causes for the other members of {@code channel} ({@code typing}, {@code receipt}): written to a
 * node's connections subscribed to the channel, except those of {@code fromUser}. An {@code ephemeral} frame is
 * dropped first when a connection's outbound queue is full. Immutable.
 */
public record ChannelSignal(String channel, String fromUser, boolean ephemeral, String frame) implements NodeEvent {

    static final char KIND = 'C';
    private static final String EPHEMERAL = "e";
    private static final String DURABLE = "d";

    @Override
    public String orderingKey() {
        return channel;
    }

    @Override
    public String encode() {
        return NodeEvent.join(KIND, channel, fromUser, ephemeral ? EPHEMERAL : DURABLE, frame);
    }

    static ChannelSignal decodeFields(String[] fields) {
        return new ChannelSignal(fields[0], fields[1], EPHEMERAL.equals(fields[2]), fields[3]);
    }
}
