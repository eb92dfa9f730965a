package org.chatserver.persistence.outbox;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.chatserver.persistence.message.Message;

/** The outbox of the selected shard. */
@ApplicationScoped
public class OutboxRepository {

    @PersistenceContext(unitName = "chat")
    private EntityManager em;

    public void insert(OutboxEntry entry) {
        em.persist(entry);
    }

    /**
     * Messages still waiting to be published that were committed before {@code createdBefore}, oldest first: in
     * {@code seq} order within each channel.
     */
    public List<Message> pendingMessages(long createdBefore, int limit) {
        return em.createQuery("select m from OutboxEntry o, Message m where m.channelId = o.channelId and m.seq = o.seq"
                + " and o.createdAt < :before order by o.createdAt, o.channelId, o.seq", Message.class)
                .setParameter("before", createdBefore)
                .setMaxResults(limit)
                .getResultList();
    }

    /** Forgets the entry of a message Kafka confirmed. */
    public void markPublished(String channelId, long seq) {
        em.createQuery("delete from OutboxEntry o where o.channelId = :ch and o.seq = :seq")
                .setParameter("ch", channelId)
                .setParameter("seq", seq)
                .executeUpdate();
    }
}
