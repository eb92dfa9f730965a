package org.chatserver.persistence.workspace;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Workspaces on a shard, and their placements in the directory. Callers select the database first
 * ({@link org.chatserver.persistence.shard.ShardContext}): placements live in the directory, workspaces on shards.
 */
@ApplicationScoped
public class WorkspaceRepository {

    @PersistenceContext(unitName = "chat")
    private EntityManager em;

    public Optional<WorkspacePlacement> findPlacement(String workspaceId) {
        return Optional.ofNullable(em.find(WorkspacePlacement.class, workspaceId));
    }

    /**
     * Inserts a placement unless the workspace is placed already. Concurrent first uses of a workspace, on one node
     * or several, all call this: the first insert wins and the others change nothing, without an error to roll back
     * or log. Read the winner with {@link #findPlacement} in a later transaction.
     */
    public void insertPlacementIfAbsent(WorkspacePlacement placement) {
        em.createNativeQuery("insert into workspace_placement (workspace_id, shard_index, created_at) values (?1, ?2,"
                + " ?3) on duplicate key update workspace_id = workspace_id")
                .setParameter(1, placement.workspaceId())
                .setParameter(2, placement.shardIndex())
                .setParameter(3, placement.createdAt())
                .executeUpdate();
    }

    public Optional<Workspace> find(String workspaceId) {
        return Optional.ofNullable(em.find(Workspace.class, workspaceId));
    }

    /** Inserts a workspace unless it exists; a concurrent first use's insert wins without an error. */
    public void insertIfAbsent(Workspace workspace) {
        em.createNativeQuery("insert into workspace (id, created_at) values (?1, ?2) on duplicate key update id = id")
                .setParameter(1, workspace.id())
                .setParameter(2, workspace.createdAt())
                .executeUpdate();
    }
}
