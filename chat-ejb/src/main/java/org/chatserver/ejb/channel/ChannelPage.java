package org.chatserver.ejb.channel;

import java.util.List;

/** A page of channels in id order; {@code hasMore}: channels after the last one remain. Immutable. */
public record ChannelPage(List<ChannelView> channels, boolean hasMore) {
}
