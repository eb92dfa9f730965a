package org.chatserver.persistence.channel;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

/** Channels of the workspaces on the selected shard. Every look-up is scoped by workspace: ids never cross tenants. */
@ApplicationScoped
public class ChannelRepository {

    @PersistenceContext(unitName = "chat")
    private EntityManager em;

    public Optional<Channel> find(String workspaceId, String channelId) {
        return Optional.ofNullable(em.find(Channel.class, channelId))
                .filter(channel -> channel.workspaceId().equals(workspaceId));
    }

    /** The channel, its row locked until the transaction ends: the way to append to its sequence. */
    public Optional<Channel> lockForAppend(String workspaceId, String channelId) {
        return Optional.ofNullable(em.find(Channel.class, channelId, LockModeType.PESSIMISTIC_WRITE))
                .filter(channel -> channel.workspaceId().equals(workspaceId));
    }

    /**
     * The channels of {@code channelIds} that exist, their rows locked until the transaction ends, locked in id order
     * so that two transactions appending to several channels never wait on each other in a cycle. Not scoped by
     * workspace: the caller checks each channel's workspace.
     */
    public List<Channel> lockAllForAppend(Collection<String> channelIds) {
        return em.createQuery("select c from Channel c where c.id in :ids order by c.id", Channel.class)
                .setParameter("ids", channelIds)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
    }

    public Optional<Channel> findByName(String workspaceId, String name) {
        return first(em.createQuery("select c from Channel c where c.workspaceId = :ws and c.name = :name",
                Channel.class).setParameter("ws", workspaceId).setParameter("name", name).getResultList());
    }

    public Optional<Channel> findDm(String workspaceId, String dmKey) {
        return first(em.createQuery("select c from Channel c where c.workspaceId = :ws and c.dmKey = :key",
                Channel.class).setParameter("ws", workspaceId).setParameter("key", dmKey).getResultList());
    }

    /**
     * The workspace's public channels in id order after {@code afterId} (exclusive, may be null), only the one named
     * {@code name} when it is given.
     */
    public List<Channel> publicChannels(String workspaceId, String name, String afterId, int limit) {
        return em.createQuery("select c from Channel c where c.workspaceId = :ws and c.kind = :kind"
                + " and (:name is null or c.name = :name) and (:after is null or c.id > :after) order by c.id",
                Channel.class)
                .setParameter("ws", workspaceId)
                .setParameter("kind", ChannelKind.PUBLIC)
                .setParameter("name", name)
                .setParameter("after", afterId)
                .setMaxResults(limit)
                .getResultList();
    }

    /** Inserts a channel, flushing so that a taken name or dm fails here as a constraint violation. */
    public void insert(Channel channel) {
        em.persist(channel);
        em.flush();
    }

    private static <T> Optional<T> first(List<T> rows) {
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }
}
