package org.chatserver.persistence.message;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Messages on the selected shard: appended at their sequence, read back in sequence order. */
@ApplicationScoped
public class MessageRepository {

    @PersistenceContext(unitName = "chat")
    private EntityManager em;

    /** The message a sender stored under {@code clientMsgId}, if any: the idempotency look-up. */
    public Optional<Message> findByClientMsgId(String workspaceId, String senderId, String clientMsgId) {
        List<Message> rows = em.createQuery("select m from Message m where m.workspaceId = :ws and m.senderId = "
                + ":sender and m.clientMsgId = :cmid", Message.class)
                .setParameter("ws", workspaceId)
                .setParameter("sender", senderId)
                .setParameter("cmid", clientMsgId)
                .getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    public Optional<Message> find(String channelId, long seq) {
        return Optional.ofNullable(em.find(Message.class, new Message.Key(channelId, seq)));
    }

    /**
     * Inserts a message when the transaction flushes, batched with the others of the transaction: a duplicate client
     * message id fails the flush (at the latest, the commit) as a constraint violation.
     */
    public void insert(Message message) {
        em.persist(message);
    }

    /** Up to {@code limit} messages with {@code seq > afterSeq}, ascending. */
    public List<Message> after(String channelId, long afterSeq, int limit) {
        return em.createQuery("select m from Message m where m.channelId = :ch and m.seq > :after order by m.seq",
                Message.class)
                .setParameter("ch", channelId)
                .setParameter("after", afterSeq)
                .setMaxResults(limit)
                .getResultList();
    }

    /** Up to {@code limit} messages with {@code seq < beforeSeq}, the newest of them, descending. */
    public List<Message> beforeDescending(String channelId, long beforeSeq, int limit) {
        return em.createQuery("select m from Message m where m.channelId = :ch and m.seq < :before "
                + "order by m.seq desc", Message.class)
                .setParameter("ch", channelId)
                .setParameter("before", beforeSeq)
                .setMaxResults(limit)
                .getResultList();
    }
}
