package org.chatserver.ejb.identity;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.chatserver.persistence.user.ChatUser;
import org.chatserver.persistence.user.UserRepository;
import org.chatserver.persistence.workspace.Workspace;
import org.chatserver.persistence.workspace.WorkspaceRepository;

/**
 * Creates workspace and user rows on the shard already selected by the caller, each call in its own transaction.
 * Concurrent first uses, on one node or several, may both find no row: both insert, the first wins and the other
 * changes nothing, with no error.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ProvisioningStore {

    @Inject
    WorkspaceRepository workspaces;

    @Inject
    UserRepository users;

    public void ensureWorkspace(String workspaceId) {
        if (workspaces.find(workspaceId).isEmpty()) {
            workspaces.insertIfAbsent(new Workspace(workspaceId, System.currentTimeMillis()));
        }
    }

    /** Creates the user, or updates its display name when the token carries a new one. */
    public void ensureUser(Identity identity) {
        users.find(identity.workspace(), identity.user()).ifPresentOrElse(user -> {
            if (identity.name() != null && !identity.name().equals(user.displayName())) {
                user.rename(identity.name());
            }
        }, () -> users.insertIfAbsent(new ChatUser(identity.workspace(), identity.user(), identity.name(),
                System.currentTimeMillis())));
    }
}
