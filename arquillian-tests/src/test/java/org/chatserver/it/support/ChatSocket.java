package org.chatserver.it.support;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.OptionalInt;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * A client WebSocket of PROTOCOL.md: frames received are queued in order; the close code is kept. Thread-safe.
 */
public final class ChatSocket implements AutoCloseable {

    /** How long a test waits for an expected frame or close. */
    public static final Duration WAIT = Duration.ofSeconds(40);

    /** A frame as received, with when (System.nanoTime()). */
    public record Received(long atNanos, JsonObject frame) {
    }

    private final BlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
    private final List<Received> log = Collections.synchronizedList(new ArrayList<>());
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private volatile WebSocket socket;
    private volatile ScheduledExecutorService pinger;

    /** While set, the client asks for no further frames: the JDK client then stops reading from the network. */
    private volatile boolean paused;

    /** A frame (part) arrived while paused, so the next one is asked for on {@link #resumeReading()}. */
    private final AtomicBoolean owed = new AtomicBoolean();

    private ChatSocket() {
    }

    static ChatSocket open(HttpClient http, URI uri) {
        ChatSocket chat = new ChatSocket();
        try {
            chat.socket = http.newWebSocketBuilder().connectTimeout(WAIT).buildAsync(uri, chat.listener())
                    .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("WebSocket upgrade failed: " + uri, e);
        }
        return chat;
    }

    private WebSocket.Listener listener() {
        return new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    JsonObject frame = Json.createReader(new StringReader(partial.toString())).readObject();
                    log.add(new Received(System.nanoTime(), frame));
                    frames.add(frame);
                    partial.setLength(0);
                }
                owed.set(true);
                if (!paused && owed.getAndSet(false)) {
                    ws.request(1);
                }
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
                closeCode.complete(statusCode);
                return null;
            }

            @Override
            public void onError(WebSocket ws, Throwable error) {
                closeCode.completeExceptionally(error);
            }
        };
    }

    /** Sends one frame. */
    public void send(JsonObject frame) {
        sendRaw(frame.toString());
    }

    /**
     * Sends one text frame as it is (which need not be valid JSON). Synchronized: a WebSocket takes one send at a
     * time, and the keep-alive pings come from another thread.
     */
    public synchronized void sendRaw(String text) {
        socket.sendText(text, true).join();
    }

    /** Pings every {@code interval} until closed, as a client keeping its connection alive does. */
    public void keepAlive(Duration interval) {
        pinger = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ping");
            thread.setDaemon(true);
            return thread;
        });
        pinger.scheduleAtFixedRate(() -> {
            if (!isClosed()) {
                sendRaw("{\"op\":\"ping\"}");
            }
        }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops the pings of {@link #keepAlive}: the client goes silent without closing, as a vanished client does. */
    public void stopKeepAlive() {
        if (pinger != null) {
            pinger.shutdownNow();
        }
    }

    /**
     * Stops reading, as a client that cannot keep up: no frame beyond the one being read is asked for, so the
     * server's writes back up through TCP. Sending (pings included) goes on.
     */
    public void pauseReading() {
        paused = true;
    }

    /** Reads again: frames the network held back arrive, then the server's close if it closed meanwhile. */
    public void resumeReading() {
        paused = false;
        if (owed.getAndSet(false)) {
            socket.request(1);
        }
    }

    /** Whether the server has closed the connection. */
    public boolean isClosed() {
        return closeCode.isDone();
    }

    /** The next frame whose {@code op} is {@code op}, skipping others; fails after {@link #WAIT}. */
    public JsonObject next(String op) {
        return next(frame -> op.equals(frame.getString("op", null)), "op " + op);
    }

    /** The next frame matching {@code wanted}, skipping others; fails after {@link #WAIT}. */
    public JsonObject next(Predicate<JsonObject> wanted, String description) {
        return next(wanted, description, WAIT);
    }

    /** The next frame matching {@code wanted}, skipping others; fails after {@code wait}. */
    public JsonObject next(Predicate<JsonObject> wanted, String description, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                JsonObject frame = left > 0 ? frames.poll(left, TimeUnit.NANOSECONDS) : null;
                if (frame == null) {
                    throw new AssertionError("no frame with " + description + " within " + wait);
                }
                if (wanted.test(frame)) {
                    return frame;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The next frame matching {@code wanted}, skipping others, or null if none came within {@code wait}. */
    public JsonObject poll(Predicate<JsonObject> wanted, Duration wait) {
        try {
            return next(wanted, "a frame", wait);
        } catch (AssertionError none) {
            return null;
        }
    }

    /** The close code the server sent, waiting up to {@link #WAIT}. */
    public int awaitCloseCode() {
        try {
            return closeCode.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the server did not close the socket", e);
        }
    }

    /**
     * Waits up to {@link #WAIT} for the server to end the connection: answers its close code, or empty when the
     * connection was dropped without a close frame (reset), as happens to a client whose unread frames fill the
     * network buffers ahead of the close frame.
     */
    public OptionalInt awaitEnd() {
        try {
            return OptionalInt.of(closeCode.get(WAIT.toSeconds(), TimeUnit.SECONDS));
        } catch (ExecutionException dropped) {
            return OptionalInt.empty();
        } catch (TimeoutException | InterruptedException e) {
            throw new AssertionError("the server did not end the connection within " + WAIT, e);
        }
    }

    /** Whether a frame received but not yet taken matches {@code frame}. */
    public boolean hasPending(Predicate<JsonObject> frame) {
        return frames.stream().anyMatch(frame);
    }

    /** Every frame received so far with {@code op}, taken or not, in order of arrival. */
    public List<Received> received(String op) {
        synchronized (log) {
            return log.stream().filter(r -> op.equals(r.frame().getString("op", null))).toList();
        }
    }

    /** Frames received but not yet taken. */
    public int pending() {
        return frames.size();
    }

    @Override
    public void close() {
        if (pinger != null) {
            pinger.shutdownNow();
        }
        if (socket != null && !socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
        }
    }
}
