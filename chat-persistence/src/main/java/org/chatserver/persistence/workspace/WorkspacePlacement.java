package org.chatserver.persistence.workspace;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A directory row: the shard that holds a workspace. Lives in the directory database only; never moves. */
@Entity
@Table(name = "workspace_placement")
public class WorkspacePlacement {

    @Id
    @Column(name = "workspace_id")
    private String workspaceId;

    @Column(name = "shard_index", nullable = false)
    private int shardIndex;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    protected WorkspacePlacement() {
    }

    public WorkspacePlacement(String workspaceId, int shardIndex, long createdAt) {
        this.workspaceId = workspaceId;
        this.shardIndex = shardIndex;
        this.createdAt = createdAt;
    }

    public String workspaceId() {
        return workspaceId;
    }

    public int shardIndex() {
        return shardIndex;
    }

    public long createdAt() {
        return createdAt;
    }
}
