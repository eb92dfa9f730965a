package org.chatserver.persistence.membership;

import java.io.Serializable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * A user's membership of a channel, with the user's cursors in it. Cursors only move forward: a late or repeated
 * report never takes them back.
 */
@Entity
@Table(name = "membership")
@IdClass(Membership.Key.class)
public class Membership {

    /** The primary key: (channel, user). The channel fixes the workspace. */
    public record Key(String channelId, String userId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "channel_id")
    private String channelId;

    @Id
    @Column(name = "user_id")
    private String userId;

    @Column(name = "workspace_id", nullable = false)
    private String workspaceId;

    @Column(name = "joined_at", nullable = false)
    private long joinedAt;

    @Column(name = "last_read_seq", nullable = false)
    private long lastReadSeq;

    @Column(name = "last_delivered_seq", nullable = false)
    private long lastDeliveredSeq;

    protected Membership() {
    }

    public Membership(String channelId, String workspaceId, String userId, long joinedAt) {
        this.channelId = channelId;
        this.workspaceId = workspaceId;
        this.userId = userId;
        this.joinedAt = joinedAt;
    }

    /** Moves the read cursor to {@code seq} unless it is already there or beyond; answers whether it moved. */
    public boolean readUpTo(long seq) {
        if (seq <= lastReadSeq) {
            return false;
        }
        lastReadSeq = seq;
        lastDeliveredSeq = Math.max(lastDeliveredSeq, seq);
        return true;
    }

    /** Moves the delivered cursor to {@code seq} unless it is already there or beyond; answers whether it moved. */
    public boolean deliveredUpTo(long seq) {
        if (seq <= lastDeliveredSeq) {
            return false;
        }
        lastDeliveredSeq = seq;
        return true;
    }

    public String channelId() {
        return channelId;
    }

    public String userId() {
        return userId;
    }

    public long joinedAt() {
        return joinedAt;
    }

    public long lastReadSeq() {
        return lastReadSeq;
    }

    public long lastDeliveredSeq() {
        return lastDeliveredSeq;
    }
}
