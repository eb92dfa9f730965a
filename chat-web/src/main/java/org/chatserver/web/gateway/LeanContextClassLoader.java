package org.chatserver.web.gateway;

/**
 * Runs a WebSocket send with a thread context class loader that has nothing to scan.
 *
 * <p>Why: Tyrus restarts a session's idle timer on every frame it sends, by scheduling a task on the container's
 * managed scheduled executor (whatever the idle timeout, in the Tyrus that Payara 6 ships). Payara captures the
 * thread's context for each such task, and part of that is a {@link java.util.ServiceLoader} lookup through the
 * thread's context class loader, which for the application's loader reads every jar of the application. Profiling
 * {@code chat-bench fanout} showed that lookup as most of the server's CPU. Sending with a loader whose parent is the
 * bootstrap loader makes the lookup nearly free; the task it schedules is Tyrus's own and loads nothing through it.
 * No library offers this; it is a few lines.
 *
 * <p>Stateless; thread-safe.
 */
final class LeanContextClassLoader {

    /** Sees only the JDK's own classes and resources. */
    private static final ClassLoader BOOTSTRAP_ONLY = new ClassLoader(null) {
    };

    private LeanContextClassLoader() {
    }

    /** Runs {@code send} on this thread with the bootstrap-only context class loader, then restores the previous. */
    static void run(Runnable send) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(BOOTSTRAP_ONLY);
        try {
            send.run();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
