package org.chatserver.stack;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The launcher's console output: one line per step, {@code [stack] <step>: <what> ... ok (4.1 s)}.
 *
 * <p>Thread-safe: all methods are synchronized, because the shutdown hook reports stops while the main thread may
 * still be reporting a start. A step is begun and then finished with {@link Step#ok} or {@link Step#failed}.
 */
public final class Progress {

    private static final String PREFIX = "[stack] ";

    private final PrintStream out;
    private boolean lineOpen;

    public Progress(PrintStream out) {
        this.out = out;
    }

    /**
     * Prints the start of a step line, without ending it, so that its outcome follows on the same line.
     *
     * @param service the service, e.g. {@code kafka}
     * @param what    what happens, e.g. {@code starting broker on 127.0.0.1:9092 (data in .stack/kafka)}
     * @return the step, to finish
     */
    public synchronized Step begin(String service, String what) {
        closeLine();
        out.print(PREFIX + service + ": " + what + " ... ");
        out.flush();
        lineOpen = true;
        return new Step(System.nanoTime());
    }

    /**
     * Prints a complete line about a service.
     *
     * @param service the service
     * @param message the message
     */
    public synchronized void info(String service, String message) {
        closeLine();
        out.println(PREFIX + service + ": " + message);
    }

    /**
     * Prints a warning line about a service.
     *
     * @param service the service
     * @param message the message
     */
    public synchronized void warn(String service, String message) {
        closeLine();
        out.println(PREFIX + service + ": WARNING: " + message);
    }

    /**
     * Prints a line without a service.
     *
     * @param message the message
     */
    public synchronized void line(String message) {
        closeLine();
        out.println(PREFIX + message);
    }

    private void closeLine() {
        if (lineOpen) {
            out.println();
            lineOpen = false;
        }
    }

    private synchronized void finish(String outcome) {
        if (!lineOpen) {
            out.print(PREFIX + "  ... ");
        }
        out.println(outcome);
        lineOpen = false;
    }

    /** A begun step line; finished exactly once. */
    public final class Step {
        private final long startNanos;

        private Step(long startNanos) {
            this.startNanos = startNanos;
        }

        /** Ends the line with {@code ok (x.y s)}. */
        public void ok() {
            finish("ok (" + elapsed() + ")");
        }

        /**
         * Ends the line with an outcome other than plain ok, e.g. {@code exists (8 partitions)}.
         *
         * @param outcome what happened
         */
        public void ok(String outcome) {
            finish(outcome + " (" + elapsed() + ")");
        }

        /** Ends the line with {@code FAILED (x.y s)}. */
        public void failed() {
            finish("FAILED (" + elapsed() + ")");
        }

        private String elapsed() {
            return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - startNanos) / 1e9);
        }
    }
}
