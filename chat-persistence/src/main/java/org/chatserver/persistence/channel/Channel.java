package org.chatserver.persistence.channel;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A channel and its message sequence.
 *
 * <p>{@code lastSeq} is the channel sequence: the {@code seq} of the newest message. Appending locks this row, takes
 * {@code lastSeq + 1} and stores the message in the same transaction, so sequences are gap-free and strictly
 * increasing, and every member sees the same message at the same {@code seq}.
 */
@Entity
@Table(name = "channel")
public class Channel {

    @Id
    private String id;

    @Column(name = "workspace_id", nullable = false)
    private String workspaceId;

    private String name;

    @Convert(converter = KindConverter.class)
    @Column(nullable = false)
    private ChannelKind kind;

    /** For a dm: its two members, sorted; makes creating the same dm twice find the first. */
    @Column(name = "dm_key")
    private String dmKey;

    @Column(name = "last_seq", nullable = false)
    private long lastSeq;

    @Column(name = "member_count", nullable = false)
    private int memberCount;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    protected Channel() {
    }

    public Channel(String id, String workspaceId, String name, ChannelKind kind, String dmKey, String createdBy,
            long createdAt) {
        this.id = id;
        this.workspaceId = workspaceId;
        this.name = name;
        this.kind = kind;
        this.dmKey = dmKey;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    /** Takes the next sequence number; the caller holds the row lock and stores the message at it. */
    public long nextSeq() {
        lastSeq++;
        return lastSeq;
    }

    public void membersChanged(int delta) {
        memberCount += delta;
    }

    public String id() {
        return id;
    }

    public String workspaceId() {
        return workspaceId;
    }

    public String name() {
        return name;
    }

    public ChannelKind kind() {
        return kind;
    }

    public long lastSeq() {
        return lastSeq;
    }

    public long createdAt() {
        return createdAt;
    }

    public int memberCount() {
        return memberCount;
    }

    /** Stores {@link ChannelKind} by its wire name. */
    @Converter
    public static class KindConverter implements AttributeConverter<ChannelKind, String> {
        @Override
        public String convertToDatabaseColumn(ChannelKind kind) {
            return kind.wireName();
        }

        @Override
        public ChannelKind convertToEntityAttribute(String column) {
            return ChannelKind.fromWire(column).orElseThrow(() -> new IllegalStateException("kind " + column));
        }
    }
}
