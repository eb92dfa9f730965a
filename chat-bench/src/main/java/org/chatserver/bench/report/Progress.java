package org.chatserver.bench.report;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Progress output on standard output: {@code [bench] <phase> <elapsed> <text>} lines, printed on demand or
 * periodically from a supplier. Thread-safe (lines are printed whole).
 */
public final class Progress implements AutoCloseable {

    private final PrintStream out;
    private final long startNanos = System.nanoTime();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bench-progress");
        t.setDaemon(true);
        return t;
    });

    public Progress(PrintStream out) {
        this.out = out;
    }

    /** Prints one line. */
    public void line(String phase, String text) {
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        synchronized (out) {
            out.printf(Locale.ROOT, "[bench] %-10s %7.1fs  %s%n", phase, elapsed, text);
            out.flush();
        }
    }

    /**
     * Prints {@code status} every {@code period} until the returned handle is closed.
     *
     * @return closes to stop the periodic lines
     */
    public AutoCloseable every(long periodMillis, String phase, Supplier<String> status) {
        var future = ticker.scheduleAtFixedRate(() -> line(phase, status.get()), periodMillis, periodMillis,
                TimeUnit.MILLISECONDS);
        return () -> future.cancel(false);
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
