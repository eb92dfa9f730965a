package org.chatserver.persistence.workspace;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A tenant, on its shard. Everything a workspace owns lives on the same shard. */
@Entity
@Table(name = "workspace")
public class Workspace {

    @Id
    private String id;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    protected Workspace() {
    }

    public Workspace(String id, long createdAt) {
        this.id = id;
        this.createdAt = createdAt;
    }

    public String id() {
        return id;
    }

    public long createdAt() {
        return createdAt;
    }
}
