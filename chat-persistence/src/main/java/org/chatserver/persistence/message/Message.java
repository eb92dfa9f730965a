package org.chatserver.persistence.message;

import java.io.Serializable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * A stored message, keyed by its place in the channel sequence. Immutable once stored.
 *
 * <p>{@code (workspaceId, senderId, clientMsgId)} is unique: the client message id is the sender's idempotency key.
 */
@Entity
@Table(name = "message")
@IdClass(Message.Key.class)
public class Message {

    /** The primary key: (channel, seq). */
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

    @Column(nullable = false, unique = true)
    private String id;

    @Column(name = "workspace_id", nullable = false)
    private String workspaceId;

    @Column(name = "sender_id", nullable = false)
    private String senderId;

    @Column(name = "client_msg_id", nullable = false)
    private String clientMsgId;

    @Column(nullable = false)
    private String body;

    @Column(nullable = false)
    private long ts;

    protected Message() {
    }

    public Message(String channelId, long seq, String id, String workspaceId, String senderId, String clientMsgId,
            String body, long ts) {
        this.channelId = channelId;
        this.seq = seq;
        this.id = id;
        this.workspaceId = workspaceId;
        this.senderId = senderId;
        this.clientMsgId = clientMsgId;
        this.body = body;
        this.ts = ts;
    }

    public String channelId() {
        return channelId;
    }

    public long seq() {
        return seq;
    }

    public String id() {
        return id;
    }

    public String workspaceId() {
        return workspaceId;
    }

    public String senderId() {
        return senderId;
    }

    public String clientMsgId() {
        return clientMsgId;
    }

    public String body() {
        return body;
    }

    public long ts() {
        return ts;
    }
}
