package org.chatserver.persistence.outbox;

import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaDelete;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;

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

    /**
     * Forgets the entries of messages Kafka confirmed, in one statement: one round trip for a whole batch of
     * confirmations rather than one per message.
     */
    public void markPublished(Collection<OutboxEntry.Key> published) {
        if (published.isEmpty()) {
            return;
        }
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaDelete<OutboxEntry> delete = cb.createCriteriaDelete(OutboxEntry.class);
        Root<OutboxEntry> entry = delete.from(OutboxEntry.class);
        delete.where(cb.or(published.stream()
                .map(key -> cb.and(cb.equal(entry.get("channelId"), key.channelId()),
                        cb.equal(entry.get("seq"), key.seq())))
                .toArray(Predicate[]::new)));
        em.createQuery(delete).executeUpdate();
    }
}
