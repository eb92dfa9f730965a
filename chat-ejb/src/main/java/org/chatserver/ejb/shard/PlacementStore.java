package org.chatserver.ejb.shard;

import java.util.Optional;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.chatserver.persistence.shard.ShardContext;
import org.chatserver.persistence.shard.ShardId;
import org.chatserver.persistence.workspace.WorkspacePlacement;
import org.chatserver.persistence.workspace.WorkspaceRepository;

/** Reads and writes placements in the directory database, each in a transaction of its own. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class PlacementStore {

    @Inject
    WorkspaceRepository workspaces;

    public Optional<Integer> find(String workspaceId) {
        return ShardContext.callIn(ShardId.DIRECTORY,
                () -> workspaces.findPlacement(workspaceId).map(WorkspacePlacement::shardIndex));
    }

    /** Places the workspace on {@code shardIndex} unless it is placed already; {@link #find} tells where it is. */
    public void place(String workspaceId, int shardIndex) {
        ShardContext.runIn(ShardId.DIRECTORY, () -> workspaces.insertPlacementIfAbsent(
                new WorkspacePlacement(workspaceId, shardIndex, System.currentTimeMillis())));
    }
}
