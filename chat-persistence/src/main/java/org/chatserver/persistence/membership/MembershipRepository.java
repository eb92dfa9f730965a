package org.chatserver.persistence.membership;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.chatserver.persistence.channel.Channel;

/** Memberships on the selected shard, by channel and, through the reverse index, by user. */
@ApplicationScoped
public class MembershipRepository {

    @PersistenceContext(unitName = "chat")
    private EntityManager em;

    public Optional<Membership> find(String channelId, String userId) {
        return Optional.ofNullable(em.find(Membership.class, new Membership.Key(channelId, userId)));
    }

    /**
     * The memberships of any of {@code userIds} in any of {@code channelIds}, in one query: a superset of the pairs a
     * caller asks about when the users differ per channel, which the caller picks from by {@link Membership.Key}.
     */
    public List<Membership> findAll(Collection<String> channelIds, Collection<String> userIds) {
        return em.createQuery("select m from Membership m where m.channelId in :chs and m.userId in :users",
                Membership.class).setParameter("chs", channelIds).setParameter("users", userIds).getResultList();
    }

    public void insert(Membership membership) {
        em.persist(membership);
    }

    public void delete(Membership membership) {
        em.remove(membership);
    }

    /** The ids of the channels {@code userId} of {@code workspaceId} is a member of. */
    public List<String> channelIdsOf(String workspaceId, String userId) {
        return em.createQuery("select m.channelId from Membership m where m.workspaceId = :ws and m.userId = :user",
                String.class).setParameter("ws", workspaceId).setParameter("user", userId).getResultList();
    }

    /** A channel together with one user's membership of it (null where the user is no member). */
    public record MemberChannel(Channel channel, Membership membership) {
    }

    /** The channels {@code userId} of {@code workspaceId} is a member of, with the memberships, in one query. */
    public List<MemberChannel> channelsOf(String workspaceId, String userId) {
        return em.createQuery("select c, m from Membership m, Channel c where c.id = m.channelId and m.workspaceId ="
                + " :ws and m.userId = :user order by c.id", Object[].class)
                .setParameter("ws", workspaceId)
                .setParameter("user", userId)
                .getResultList()
                .stream()
                .map(row -> new MemberChannel((Channel) row[0], (Membership) row[1]))
                .toList();
    }

    /**
     * The channels of {@code workspaceId} among {@code channelIds}, each with {@code userId}'s membership of it (null
     * when not a member), in one query. Ids of other workspaces' channels, and unknown ids, are left out.
     */
    public List<MemberChannel> channelsWithMembership(String workspaceId, Collection<String> channelIds,
            String userId) {
        return em.createQuery("select c, m from Channel c left join Membership m on m.channelId = c.id and m.userId ="
                + " :user where c.workspaceId = :ws and c.id in :ids", Object[].class)
                .setParameter("user", userId)
                .setParameter("ws", workspaceId)
                .setParameter("ids", channelIds)
                .getResultList()
                .stream()
                .map(row -> new MemberChannel((Channel) row[0], (Membership) row[1]))
                .toList();
    }

    /** The members of a channel in user-id order, after {@code afterUser} (exclusive, may be null). */
    public List<Membership> members(String channelId, String afterUser, int limit) {
        return em.createQuery("select m from Membership m where m.channelId = :ch and (:after is null or m.userId > "
                + ":after) order by m.userId", Membership.class)
                .setParameter("ch", channelId)
                .setParameter("after", afterUser)
                .setMaxResults(limit)
                .getResultList();
    }

    /** The user ids of all members of a channel. */
    public List<String> memberIds(String channelId) {
        return em.createQuery("select m.userId from Membership m where m.channelId = :ch", String.class)
                .setParameter("ch", channelId).getResultList();
    }

    /**
     * Moves a member's read cursor forward to {@code seq} (and the delivered cursor with it), never backwards, in one
     * statement, so concurrent moves cannot undo each other. Answers whether the read cursor moved.
     */
    public boolean advanceRead(String channelId, String userId, long seq) {
        return em.createQuery("update Membership m set m.lastReadSeq = :seq, m.lastDeliveredSeq = case when"
                + " m.lastDeliveredSeq < :seq then :seq else m.lastDeliveredSeq end where m.channelId = :ch and"
                + " m.userId = :user and m.lastReadSeq < :seq")
                .setParameter("seq", seq).setParameter("ch", channelId).setParameter("user", userId)
                .executeUpdate() > 0;
    }

    /** Moves a member's delivered cursor forward to {@code seq}, never backwards; answers whether it moved. */
    public boolean advanceDelivered(String channelId, String userId, long seq) {
        return em.createQuery("update Membership m set m.lastDeliveredSeq = :seq where m.channelId = :ch and"
                + " m.userId = :user and m.lastDeliveredSeq < :seq")
                .setParameter("seq", seq).setParameter("ch", channelId).setParameter("user", userId)
                .executeUpdate() > 0;
    }
}
