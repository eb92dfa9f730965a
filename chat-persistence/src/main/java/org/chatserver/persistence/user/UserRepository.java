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

    /** Inserts a user, flushing so that a concurrent first use of the same user fails here. */
    public void insert(ChatUser user) {
        em.persist(user);
        em.flush();
    }
}
