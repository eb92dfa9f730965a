package org.chatserver.ejb.fanout;

/**
 * Subscribe (or unsubscribe) every connection of a user on a node to (or from) a channel: how a membership change
 * takes effect on live connections at once.
 */
public record SubscriptionChange(boolean subscribe, String workspace, String user, String channel)
        implements NodeEvent {

    static final char KIND = 'S';
    private static final String SUBSCRIBE = "+";
    private static final String UNSUBSCRIBE = "-";

    @Override
    public String orderingKey() {
        return channel;
    }

    @Override
    public String encode() {
        return NodeEvent.join(KIND, subscribe ? SUBSCRIBE : UNSUBSCRIBE, workspace, user, channel);
    }

    static SubscriptionChange decodeFields(String[] fields) {
        return new SubscriptionChange(SUBSCRIBE.equals(fields[0]), fields[1], fields[2], fields[3]);
    }
}
