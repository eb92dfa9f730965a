package org.chatserver.bench.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;

class ConnectFailuresTest {

    @Test
    void countsFailuresByTypeAndMessageOfTheCauseThatWasWrapped() {
        ConnectFailures failures = new ConnectFailures();
        failures.add(new CompletionException(new IllegalStateException("closed with 4001 before hello")));
        failures.add(new IllegalStateException("closed with 4001 before hello"));
        failures.add(new TimeoutException());
        failures.add("no upgrade slot before the connect timeout");

        assertEquals(Map.of("IllegalStateException: closed with 4001 before hello", 2L, "TimeoutException", 1L,
                "no upgrade slot before the connect timeout", 1L), failures.counts());
    }

    @Test
    void aReasonNeverCarriesTheTicketOfAnUpgradeUri() {
        String reason = ConnectFailures.reasonOf(
                new IOException("upgrade of ws://127.0.0.1:8080/ws?ticket=s3cr3t-ticket&x=1 failed"));

        assertFalse(reason.contains("s3cr3t"), reason);
        assertTrue(reason.startsWith("IOException: upgrade of ws://127.0.0.1:8080/ws?ticket=***&x=1"), reason);
    }

    @Test
    void aLongMessageIsCut() {
        String reason = ConnectFailures.reasonOf(new IOException("x".repeat(1000)));

        assertEquals(ConnectFailures.MAX_REASON_CHARS + "...".length(), reason.length());
    }
}
