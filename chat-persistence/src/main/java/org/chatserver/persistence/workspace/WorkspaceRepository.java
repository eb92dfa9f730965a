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

    /** Inserts a placement, flushing so that a concurrent insert of the same workspace fails here. */
    public void insertPlacement(WorkspacePlacement placement) {
        em.persist(placement);
        em.flush();
    }

    public Optional<Workspace> find(String workspaceId) {
        return Optional.ofNullable(em.find(Workspace.class, workspaceId));
    }

    public void insert(Workspace workspace) {
        em.persist(workspace);
        em.flush();
    }
}
