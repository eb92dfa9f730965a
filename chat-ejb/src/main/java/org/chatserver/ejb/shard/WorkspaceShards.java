package org.chatserver.ejb.shard;

import java.util.concurrent.Callable;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.chatserver.persistence.shard.ShardContext;

/**
 * Runs work on the shard of a workspace. Call it first thing in a transactional service method, before the
 * transaction touches the entity manager: the shard is bound to the transaction at that first touch. Thread-safe.
 */
@ApplicationScoped
public class WorkspaceShards {

    @Inject
    WorkspaceDirectory directory;

    public <T> T callIn(String workspaceId, Callable<T> work) {
        return ShardContext.callIn(directory.shardOf(workspaceId), work);
    }

    public void runIn(String workspaceId, Runnable work) {
        ShardContext.runIn(directory.shardOf(workspaceId), work);
    }
}
