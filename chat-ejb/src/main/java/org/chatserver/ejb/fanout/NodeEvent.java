package org.chatserver.ejb.fanout;

import java.util.Arrays;

/**
 * What one node tells another over the {@link NodeMessageBus}: a message for its subscribed connections
 * ({@link NodeDelivery}), another frame for a channel's connections ({@link ChannelFrame}), a frame one member causes
 * for the others ({@link ChannelSignal}), a user's presence transition ({@link PresenceChange}), or a change of which
 * channels a user's connections are subscribed to ({@link SubscriptionChange}).
 *
 * <p>The wire form is text: a one-letter kind, then the fields, newline-separated (ids never hold a newline; the
 * frame, last, may). Implementations are immutable.
 */
public sealed interface NodeEvent permits NodeDelivery, ChannelFrame, SubscriptionChange, ChannelSignal,
        PresenceChange {

    char SEPARATOR = '\n';

    /** The wire form. */
    String encode();

    /**
     * What this event must stay in order with: events with the same key are applied in the order they arrived (a
     * channel's messages, frames and subscription changes; a user's presence transitions).
     */
    String orderingKey();

    /** Reads the wire form of any event. */
    static NodeEvent decode(String wire) {
        if (wire.length() < 2 || wire.charAt(1) != SEPARATOR) {
            throw new IllegalArgumentException("not a node event");
        }
        String body = wire.substring(2);
        return switch (wire.charAt(0)) {
            case NodeDelivery.KIND -> NodeDelivery.decodeFields(fields(body, 3));
            case ChannelFrame.KIND -> ChannelFrame.decodeFields(fields(body, 2));
            case SubscriptionChange.KIND -> SubscriptionChange.decodeFields(fields(body, 4));
            case ChannelSignal.KIND -> ChannelSignal.decodeFields(fields(body, 4));
            case PresenceChange.KIND -> PresenceChange.decodeFields(fields(body, 6));
            default -> throw new IllegalArgumentException("unknown node event kind " + wire.charAt(0));
        };
    }

    /** Joins a kind and its fields into the wire form. */
    static String join(char kind, Object... fields) {
        StringBuilder wire = new StringBuilder().append(kind);
        Arrays.stream(fields).forEach(field -> wire.append(SEPARATOR).append(field));
        return wire.toString();
    }

    private static String[] fields(String body, int count) {
        String[] fields = body.split(String.valueOf(SEPARATOR), count);
        if (fields.length != count) {
            throw new IllegalArgumentException("a node event needs " + count + " fields");
        }
        return fields;
    }
}
