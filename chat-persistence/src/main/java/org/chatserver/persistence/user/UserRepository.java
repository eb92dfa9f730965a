package org.chatserver.persistence.user;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Users of the workspaces on the selected shard. */
@ApplicationScoped
public class UserRepository {

    @PersistenceContext(unitName = "chat")
    private EntityManager em;

    public Optional<ChatUser> find(String workspaceId, String userId) {
        return Optional.ofNullable(em.find(ChatUser.class, new ChatUser.Key(workspaceId, userId)));
    }

    /** Inserts a user unless it exists; a concurrent first use's insert wins without an error. */
    public void insertIfAbsent(ChatUser user) {
        em.createNativeQuery("insert into chat_user (workspace_id, user_id, display_name, created_at) values (?1, ?2,"
                + " ?3, ?4) on duplicate key update user_id = user_id")
                .setParameter(1, user.workspaceId())
                .setParameter(2, user.userId())
                .setParameter(3, user.displayName())
                .setParameter(4, user.createdAt())
                .executeUpdate();
    }
}
