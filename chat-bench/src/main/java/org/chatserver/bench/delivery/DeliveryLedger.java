package org.chatserver.bench.delivery;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The send bookkeeping of one scenario: for each client_msg_id, the window it belongs to, its send time
 * ({@link System#nanoTime()}) and how many connections must receive it. Deliveries, acks, duplicates and errors are
 * matched by client_msg_id and recorded into the message's window. Thread-safe.
 */
public final class DeliveryLedger {

    private final ConcurrentHashMap<String, Pending> pending = new ConcurrentHashMap<>();

    /**
     * Records a send; call just before the frame is written.
     *
     * @param clientMsgId        the message's id, unique in the scenario
     * @param window             where its measurements go
     * @param expectedRecipients the connections that must receive it
     * @param sentNanos          {@link System#nanoTime()} of the send
     */
    public void sent(String clientMsgId, DeliveryWindow window, int expectedRecipients, long sentNanos) {
        pending.put(clientMsgId, new Pending(window, expectedRecipients, sentNanos));
        window.recordSent(expectedRecipients, sentNanos);
    }

    /** An ack of the message arrived. */
    public void acked(String clientMsgId, long receivedNanos) {
        Pending p = pending.get(clientMsgId);
        if (p != null) {
            p.window.recordAck(p.sentNanos, (receivedNanos - p.sentNanos) / 1000);
        }
    }

    /** A first, in-order delivery of the message to one counted connection arrived. */
    public void delivered(String clientMsgId, long receivedNanos) {
        Pending p = pending.get(clientMsgId);
        if (p == null) {
            return;
        }
        long micros = (receivedNanos - p.sentNanos) / 1000;
        p.window.recordDelivery(p.sentNanos, micros);
        if (p.deliver() == p.expected) {
            p.window.recordLastMember(micros);
        }
    }

    /** A connection got the message again. */
    public void duplicate(String clientMsgId) {
        Pending p = pending.get(clientMsgId);
        if (p != null) {
            p.window.duplicates.incrementAndGet();
        }
    }

    /** An error frame answered the send. */
    public void error(String clientMsgId) {
        Pending p = pending.get(clientMsgId);
        if (p != null) {
            p.window.errors.incrementAndGet();
        }
    }

    /** @return deliveries of the window's messages that have not arrived (yet) */
    public static long missing(DeliveryWindow window) {
        return window.expectedDeliveries() - window.delivered();
    }

    /** @return sends of the window answered by neither an ack nor an error (yet) */
    public static long unanswered(DeliveryWindow window) {
        return window.sent() - window.acked() - window.errors();
    }

    /**
     * Waits, polling, until every delivery of the window arrived or the timeout passed.
     *
     * @return whether everything arrived
     */
    public static boolean awaitDelivered(DeliveryWindow window, Duration timeout) throws InterruptedException {
        return await(window, timeout, false);
    }

    /**
     * Waits, polling, until every delivery of the window arrived and every send was answered, or the timeout passed.
     *
     * @return whether everything arrived and was answered
     */
    public static boolean awaitSettled(DeliveryWindow window, Duration timeout) throws InterruptedException {
        return await(window, timeout, true);
    }

    private static boolean await(DeliveryWindow window, Duration timeout, boolean answers)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (missing(window) > 0 || answers && unanswered(window) > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    /** One message in flight; its delivery count is guarded by itself. */
    private static final class Pending {
        final DeliveryWindow window;
        final int expected;
        final long sentNanos;
        private int delivered;

        Pending(DeliveryWindow window, int expected, long sentNanos) {
            this.window = window;
            this.expected = expected;
            this.sentNanos = sentNanos;
        }

        synchronized int deliver() {
            return ++delivered;
        }
    }
}
