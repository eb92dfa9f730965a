package org.chatserver.ejb.fanout;

/** A frame that is not a message (e.g. {@code member}) for a node's connections subscribed to {@code channel}. */
public record ChannelFrame(String channel, String frame) implements NodeEvent {

    static final char KIND = 'F';

    @Override
    public String orderingKey() {
        return channel;
    }

    @Override
    public String encode() {
        return NodeEvent.join(KIND, channel, frame);
    }

    static ChannelFrame decodeFields(String[] fields) {
        return new ChannelFrame(fields[0], fields[1]);
    }
}
