package org.chatserver.persistence.user;

import java.io.Serializable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A user of a workspace. {@code alice} of one workspace and {@code alice} of another are different rows. */
@Entity
@Table(name = "chat_user")
@IdClass(ChatUser.Key.class)
public class ChatUser {

    /** The primary key: (workspace, user id). */
    public record Key(String workspaceId, String userId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "workspace_id")
    private String workspaceId;

    @Id
    @Column(name = "user_id")
    private String userId;

    @Column(name = "display_name")
    private String displayName;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    protected ChatUser() {
    }

    public ChatUser(String workspaceId, String userId, String displayName, long createdAt) {
        this.workspaceId = workspaceId;
        this.userId = userId;
        this.displayName = displayName;
        this.createdAt = createdAt;
    }

    public String workspaceId() {
        return workspaceId;
    }

    public String userId() {
        return userId;
    }

    public String displayName() {
        return displayName;
    }

    public long createdAt() {
        return createdAt;
    }

    public void rename(String displayName) {
        this.displayName = displayName;
    }
}
