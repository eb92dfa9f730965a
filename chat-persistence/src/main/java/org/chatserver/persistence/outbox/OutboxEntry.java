package org.chatserver.persistence.outbox;

import java.io.Serializable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * A message (by channel and seq) that still has to be published. Deleted once Kafka confirmed it. Keyed by its
 * message, so that the entries of many messages are inserted in one batch.
 */
@Entity
@Table(name = "outbox")
@IdClass(OutboxEntry.Key.class)
public class OutboxEntry {

    /** The primary key: the message's (channel, seq). */
    public record Key(String channelId, long seq) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }

    @Id
    @Column(name = "channel_id")
    private String channelId;

    @Id
    private long seq;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    protected OutboxEntry() {
    }

    public OutboxEntry(String channelId, long seq, long createdAt) {
        this.channelId = channelId;
        this.seq = seq;
        this.createdAt = createdAt;
    }

    public String channelId() {
        return channelId;
    }

    public long seq() {
        return seq;
    }

    public long createdAt() {
        return createdAt;
    }
}
