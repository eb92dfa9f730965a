package org.chatserver.ejb.identity;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.chatserver.ejb.shard.WorkspaceDirectory;
import org.chatserver.persistence.shard.ShardContext;
import org.chatserver.persistence.shard.ShardId;

/**
 * Provisions users (and their workspace) on first use.
 *
 * <p>Each node remembers whom it has provisioned, so a known user costs no database round trip per request; a user
 * whose display name changes is updated the first time this node sees the new name. Thread-safe.
 */
@ApplicationScoped
public class IdentityService {

    private final Set<Identity> provisioned = ConcurrentHashMap.newKeySet();
    private final Set<String> provisionedWorkspaces = ConcurrentHashMap.newKeySet();

    @Inject
    WorkspaceDirectory directory;

    @EJB
    ProvisioningStore store;

    /** Makes sure the workspace and the user exist; answers the identity. */
    public Identity provision(Identity identity) {
        if (provisioned.contains(identity)) {
            return identity;
        }
        ShardId shard = directory.shardOf(identity.workspace());
        ShardContext.runIn(shard, () -> {
            if (!provisionedWorkspaces.contains(identity.workspace())) {
                store.ensureWorkspace(identity.workspace());
                provisionedWorkspaces.add(identity.workspace());
            }
            store.ensureUser(identity);
        });
        provisioned.add(identity);
        return identity;
    }

    /** Makes sure a user named by another (e.g. as a new channel member) exists on its workspace's shard. */
    public void provisionMember(String workspace, String user) {
        provision(new Identity(workspace, user, null));
    }
}
