package org.chatserver.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PayaraLogScannerTest {

    private static final String ESC = "\u001B";

    private static String record(String level, String rest) {
        return "[2026-11-23T04:49:26.470+0000] [] [" + ESC + "[1;91m" + level + ESC + "[0m] [NCLS-CORE-00003] ["
                + ESC + "[1;94mjavax.enterprise.system.core" + ESC + "[0m] [tid: _ThreadID=1 _ThreadName=main] "
                + "[timeMillis: 1795409366470] [levelValue: 1000] " + rest + "\n";
    }

    @Test
    void aCleanStartIsReadyWithoutProblems() {
        String log = record("INFO", "Network Listener http-listener started in: 23ms")
                + record("INFO", "[[\n  Boot Command deploy returned with result SUCCESS : done\n]]")
                + record("INFO", "[[\n  \n{\n\"Instance Configuration\": {}\n}\n\nPayara Micro URLs:\n"
                        + "http://localhost:8080/\n]]");

        assertTrue(PayaraLogScanner.isReady(log));
        assertEquals(List.of(), PayaraLogScanner.problems(log));
    }

    @Test
    void severeRecordsFailedBootCommandsAndFailedDeploymentsAreProblems() {
        String log = record("INFO", "starting")
                + record("SEVERE", "[[\n  Exception while running a command\njava.lang.IllegalArgumentException: x\n"
                        + "\tat a.b.C(C.java:1)\n]]")
                + record("WARNING", "[[\n  Boot Command create-jdbc-connection-pool failed PlainTextActionReporter"
                        + "FAILURE: pool exists\n    Usage: ...\n]]")
                + record("WARNING", "Exception while deploying the app [chat-web] : missing resource")
                + record("WARNING", "Something unimportant");

        assertFalse(PayaraLogScanner.isReady(log));
        assertEquals(List.of(
                "SEVERE: Exception while running a command",
                "Boot Command create-jdbc-connection-pool failed PlainTextActionReporterFAILURE: pool exists",
                "Exception while deploying the app [chat-web] : missing resource"), PayaraLogScanner.problems(log));
    }

    @Test
    void longMessagesAreShortened() {
        String log = record("SEVERE", "x".repeat(1000));

        String problem = PayaraLogScanner.problems(log).get(0);
        assertTrue(problem.endsWith("..."));
        assertTrue(problem.length() < 400);
    }
}
