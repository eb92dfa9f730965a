package org.chatserver.bench.client;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

/**
 * Why connects failed, counted by reason, so that a run's report says what its rare failures were (a refused
 * ticket, an HTTP status instead of the upgrade, a timeout) instead of only how many there were.
 *
 * <p>A reason is the failure's type and message, cut to {@value #MAX_REASON_CHARS} characters. It never carries a
 * credential: a ticket in a message (an upgrade URI) is masked, and the messages of the ticket request and the
 * handshake name statuses, not tokens. Thread-safe.
 */
public final class ConnectFailures {

    /** Longer messages (a stack of causes) would make the report unreadable; the type and start say enough. */
    static final int MAX_REASON_CHARS = 160;

    private static final Pattern TICKET = Pattern.compile("ticket=[^&\\s]*");

    private final Map<String, LongAdder> byReason = new ConcurrentSkipListMap<>();

    /** Counts one failure, by the reason {@code failure} gives. */
    public void add(Throwable failure) {
        add(reasonOf(failure));
    }

    /** Counts one failure whose reason has no exception (a connect that never got its turn, say). */
    public void add(String reason) {
        byReason.computeIfAbsent(reason, r -> new LongAdder()).increment();
    }

    /** @return failures by reason, in reason order */
    public Map<String, Long> counts() {
        Map<String, Long> counts = new TreeMap<>();
        byReason.forEach((reason, count) -> counts.put(reason, count.sum()));
        return counts;
    }

    /** The reason of {@code failure}: its innermost meaningful exception's type and message, credentials masked. */
    static String reasonOf(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        String message = t.getMessage();
        String reason = t.getClass().getSimpleName() + (message == null ? "" : ": " + message.strip());
        reason = TICKET.matcher(reason).replaceAll("ticket=***");
        return reason.length() <= MAX_REASON_CHARS ? reason : reason.substring(0, MAX_REASON_CHARS) + "...";
    }
}
