package org.chatserver.stack;

import java.time.Duration;

/**
 * Waits for a started process to become ready: polls a check until it passes, the process exits, or a deadline
 * passes, and turns the last two into a {@link StepFailedException} naming the service and its log.
 *
 * <p>Stateless and thread-safe.
 */
final class Readiness {

    private static final long POLL_MILLIS = 250;

    private Readiness() {
    }

    /** A readiness check; an exception means "not yet" and its message is kept for the timeout report. */
    @FunctionalInterface
    interface Check {
        boolean ready() throws Exception;
    }

    /**
     * @param process the process that should become ready
     * @param timeout how long to wait
     * @param what    what is awaited, e.g. {@code "answering PING"}
     * @param check   the check
     * @throws StepFailedException if the process exits or the timeout passes first
     */
    static void await(ServiceProcess process, Duration timeout, String what, Check check) throws StepFailedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String lastProblem = null;
        while (true) {
            try {
                if (check.ready()) {
                    return;
                }
            } catch (Exception e) {
                lastProblem = e.getMessage();
            }
            if (!process.isAlive()) {
                throw new StepFailedException(process.name(), process.describeExit() + " before " + what,
                        process.logFile(), null);
            }
            if (System.nanoTime() - deadline > 0) {
                throw new StepFailedException(process.name(), "not " + what + " after " + timeout.toSeconds() + " s"
                        + (lastProblem == null ? "" : " (last error: " + lastProblem + ")"), process.logFile(), null);
            }
            sleep();
        }
    }

    static void sleep() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
