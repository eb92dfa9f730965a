package org.chatserver.ejb.shard;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.chatserver.ejb.config.ChatConfig;
import org.chatserver.ejb.problem.ChatProblem;
import org.chatserver.ejb.problem.ProblemCode;
import org.chatserver.persistence.shard.ShardId;

/**
 * The workspace to shard map, cached on this node.
 *
 * <p>A placement never changes once made, so the cache needs no invalidation. A new workspace is placed by a stable
 * hash of its id over the shards (a large tenant can be given a shard of its own by inserting its placement row
 * beforehand). Directory reads run in their own transaction, so callers may already be inside shard work.
 * Thread-safe.
 */
@ApplicationScoped
public class WorkspaceDirectory {

    private final Map<String, ShardId> placements = new ConcurrentHashMap<>();

    @EJB
    PlacementStore store;

    @Inject
    ChatConfig config;

    /**
     * The shard of {@code workspaceId}, placing the workspace when it is new and auto-provisioning is on.
     *
     * @throws ChatProblem {@code unauthorized} for an unknown workspace when workspaces are not auto-provisioned
     */
    public ShardId shardOf(String workspaceId) {
        ShardId cached = placements.get(workspaceId);
        if (cached != null) {
            return cached;
        }
        ShardId shard = ShardId.shard(lookUpOrPlace(workspaceId));
        placements.put(workspaceId, shard);
        return shard;
    }

    private int lookUpOrPlace(String workspaceId) {
        Optional<Integer> known = store.find(workspaceId);
        if (known.isPresent()) {
            return known.get();
        }
        if (!config.autoProvisionWorkspaces()) {
            throw new ChatProblem(ProblemCode.UNAUTHORIZED, "Unknown workspace");
        }
        store.place(workspaceId, Math.floorMod(workspaceId.hashCode(), config.shardCount()));
        // A concurrent first use, here or on another node, may have placed it first; its placement wins.
        return store.find(workspaceId).orElseThrow(() -> new IllegalStateException(
                "A workspace placement was written but cannot be read"));
    }
}
