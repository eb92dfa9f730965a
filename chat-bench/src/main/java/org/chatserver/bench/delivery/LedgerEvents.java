package org.chatserver.bench.delivery;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.chatserver.bench.client.ChatMember;
import org.chatserver.bench.client.MemberEvents;

/**
 * The member events of the sending scenarios: acks, first deliveries, duplicates and errors go to a
 * {@link DeliveryLedger}; gaps, error codes and unexpected closes are counted for the report. A member's own echo is
 * not a delivery. Thread-safe (called on the event-loop threads of all members).
 */
public final class LedgerEvents implements MemberEvents {

    private final DeliveryLedger ledger;
    private final AtomicLong gaps = new AtomicLong();
    private final Map<String, AtomicLong> errorCodes = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> closes = new ConcurrentHashMap<>();

    public LedgerEvents(DeliveryLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void onMessage(ChatMember member, String channel, long seq, String from, String clientMsgId,
            long receivedNanos) {
        if (!from.equals(member.user())) {
            ledger.delivered(clientMsgId, receivedNanos);
        }
    }

    @Override
    public void onDuplicate(ChatMember member, String channel, long seq, String clientMsgId) {
        ledger.duplicate(clientMsgId);
    }

    @Override
    public void onGap(ChatMember member, String channel, long expectedSeq, long seq) {
        gaps.incrementAndGet();
    }

    @Override
    public void onAck(ChatMember member, String clientMsgId, String channel, long seq, long receivedNanos) {
        ledger.acked(clientMsgId, receivedNanos);
    }

    @Override
    public void onError(ChatMember member, String code, String ref) {
        errorCodes.computeIfAbsent(code, c -> new AtomicLong()).incrementAndGet();
        ledger.error(ref);
    }

    @Override
    public void onClosed(ChatMember member, int code) {
        closes.computeIfAbsent(Integer.toString(code), c -> new AtomicLong()).incrementAndGet();
    }

    /** Writes {@code gaps}, {@code errors} (per code) and {@code unexpected_closes} (per close code) into a result. */
    public void report(Map<String, Object> results) {
        results.put("gaps", gaps.get());
        results.put("errors", errorCodes);
        results.put("unexpected_closes", closes);
    }
}
