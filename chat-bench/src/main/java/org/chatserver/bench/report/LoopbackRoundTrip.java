package org.chatserver.bench.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import org.HdrHistogram.Histogram;

/**
 * How long this machine's kernel takes to carry one byte over loopback TCP to another thread and back, measured just
 * before a run: a write, a wake-up of the reading thread, its write back and the first thread's wake-up. Every frame
 * the server delivers pays a share of that cost (a write system call, and the wake-up of the load generator's
 * reader), so a large fan-out scales with it. The same machine kind has shown run times differing by a factor of
 * tens from day to day with the same build; this figure, reported with each run, tells a slow machine from a slow
 * build. Immutable.
 *
 * @param p50Micros median round trip, microseconds
 * @param p99Micros 99th percentile, microseconds
 * @param samples   round trips measured (warm-up excluded)
 */
public record LoopbackRoundTrip(double p50Micros, double p99Micros, long samples) {

    /** Round trips measured, after {@link #WARM_UP}. */
    static final int SAMPLES = 20_000;
    /** Round trips first made and not measured, so the JIT and the socket's buffers settle. */
    static final int WARM_UP = 2_000;
    /** The most time the probe takes; a slow machine reports fewer samples rather than delay the run. */
    static final Duration TIME_LIMIT = Duration.ofSeconds(5);
    /** How long either side waits for a byte before the probe gives up. */
    private static final int READ_TIMEOUT_MILLIS = 2_000;
    /** The longest round trip the histogram tells apart, nanoseconds; longer ones count as it. */
    private static final long HIGHEST_NANOS = Duration.ofSeconds(10).toNanos();

    /**
     * Measures the round trip on 127.0.0.1 (two sockets with Nagle's delay off, one echo thread).
     *
     * @return the figures, or {@code null} if the probe could not run (a socket error or a timeout)
     */
    public static LoopbackRoundTrip measure() {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                Socket client = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
                Socket echoed = listener.accept()) {
            prepare(client);
            prepare(echoed);
            Thread echo = new Thread(() -> echo(echoed), "loopback-probe-echo");
            echo.setDaemon(true);
            echo.start();
            Histogram nanos = new Histogram(HIGHEST_NANOS, 3);
            OutputStream out = client.getOutputStream();
            InputStream in = client.getInputStream();
            long deadline = System.nanoTime() + TIME_LIMIT.toNanos();
            for (int i = 0; i < WARM_UP + SAMPLES && System.nanoTime() < deadline; i++) {
                long sent = System.nanoTime();
                out.write(1);
                if (in.read() < 0) {
                    return null;
                }
                if (i >= WARM_UP) {
                    nanos.recordValue(Math.min(System.nanoTime() - sent, HIGHEST_NANOS));
                }
            }
            return nanos.getTotalCount() == 0 ? null
                    : new LoopbackRoundTrip(micros(nanos.getValueAtPercentile(50)),
                            micros(nanos.getValueAtPercentile(99)), nanos.getTotalCount());
        } catch (IOException e) {
            return null;
        }
    }

    private static void prepare(Socket socket) throws IOException {
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(READ_TIMEOUT_MILLIS);
    }

    /** Sends back every byte until the other side closes (or the socket is closed under it). */
    private static void echo(Socket socket) {
        try {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            for (int b = in.read(); b >= 0; b = in.read()) {
                out.write(b);
            }
        } catch (IOException e) {
            // the probe closed the socket or gave up; nothing is waiting for this thread
        }
    }

    private static double micros(long nanos) {
        return Math.round(nanos / 100.0) / 10.0;
    }
}
