package org.chatserver.ejb.outbox;

import java.util.Collection;
import java.util.List;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.chatserver.ejb.message.ChatMessage;
import org.chatserver.persistence.outbox.OutboxEntry;
import org.chatserver.persistence.outbox.OutboxRepository;
import org.chatserver.persistence.shard.ShardContext;
import org.chatserver.persistence.shard.ShardId;

/** The outbox's transactions: reading what waits on a shard, forgetting what Kafka confirmed. */
@Stateless
public class OutboxStore {

    @Inject
    OutboxRepository outbox;

    /** Messages of {@code shard} waiting since before {@code createdBefore}, oldest first. */
    public List<ChatMessage> pending(ShardId shard, long createdBefore, int limit) {
        return ShardContext.callIn(shard, () -> outbox.pendingMessages(createdBefore, limit).stream()
                .map(ChatMessage::of).toList());
    }

    /** Forgets the entries of messages Kafka confirmed; all of them live on {@code shard}. */
    public void markPublished(ShardId shard, Collection<ChatMessage> published) {
        List<OutboxEntry.Key> keys = published.stream().map(m -> new OutboxEntry.Key(m.channel(), m.seq())).toList();
        ShardContext.runIn(shard, () -> outbox.markPublished(keys));
    }
}
