package org.chatserver.persistence.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A message (by channel and seq) that still has to be published. Deleted once Kafka confirmed it. */
@Entity
@Table(name = "outbox")
public class OutboxEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "channel_id", nullable = false)
    private String channelId;

    @Column(nullable = false)
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

    public Long id() {
        return id;
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
