package org.chatserver.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One operating-system process that the stack started (or, for {@code stop}, that a pid file says it started):
 * its name, handle and log file, and how to stop it: TERM, then KILL after a timeout.
 *
 * <p>Thread-safe: the handle is immutable and stopping twice is harmless.
 */
public final class ServiceProcess {

    private static final long EXIT_POLL_MILLIS = 50;

    private final String name;
    private final ProcessHandle handle;
    private final Process process;
    private final Path logFile;

    /**
     * @param name    service name, e.g. {@code kafka}
     * @param handle  the process
     * @param process the {@link Process} when this JVM started it (gives the exit code), else null
     * @param logFile where its output goes
     */
    ServiceProcess(String name, ProcessHandle handle, Process process, Path logFile) {
        this.name = name;
        this.handle = handle;
        this.process = process;
        this.logFile = logFile;
    }

    /** @return the service name */
    public String name() {
        return name;
    }

    /** @return the process id */
    public long pid() {
        return handle.pid();
    }

    /** @return the process handle */
    public ProcessHandle handle() {
        return handle;
    }

    /** @return the log file */
    public Path logFile() {
        return logFile;
    }

    /** @return whether the process still runs */
    public boolean isAlive() {
        return handle.isAlive();
    }

    /** @return the exit code, when this JVM started the process and it has exited */
    public OptionalInt exitCode() {
        if (process == null || process.isAlive()) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(process.exitValue());
    }

    /** @return e.g. {@code exited with code 1}, or {@code exited} when the code is unknown */
    public String describeExit() {
        OptionalInt code = exitCode();
        return code.isPresent() ? "exited with code " + code.getAsInt() : "exited";
    }

    /**
     * Stops the process: TERM, which every service here handles with a clean shutdown, then KILL if it has not
     * exited within the timeout.
     *
     * @param timeout how long to wait after TERM
     * @return how it ended
     */
    public Outcome stop(Duration timeout) {
        if (!handle.isAlive()) {
            return Outcome.NOT_RUNNING;
        }
        handle.destroy();
        if (awaitExit(timeout)) {
            return Outcome.TERMINATED;
        }
        handle.destroyForcibly();
        awaitExit(Duration.ofSeconds(10));
        return Outcome.KILLED;
    }

    /**
     * Polls rather than waiting on {@link ProcessHandle#onExit()}: for a process that this JVM did not start (the
     * {@code stop} command), the JDK polls with growing intervals and notices the exit seconds late.
     */
    private boolean awaitExit(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (handle.isAlive() && !isZombie()) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            try {
                Thread.sleep(EXIT_POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return !handle.isAlive();
            }
        }
        return true;
    }

    /**
     * A process that has exited but was not yet reaped by its parent still counts as alive for the JDK. Processes
     * left by {@code ./chat start} are orphans whose new parent may reap late, so an exited one is recognised here.
     */
    private boolean isZombie() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(handle.pid()), "stat"));
            // Format: pid (comm) state ...; comm may contain spaces and parentheses, so look after the last ')'.
            int end = stat.lastIndexOf(')');
            return end > 0 && end + 2 < stat.length() && stat.charAt(end + 2) == 'Z';
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** @return the process's start time as the OS reports it, used to recognise it later despite pid reuse */
    Optional<Instant> startInstant() {
        return handle.info().startInstant();
    }

    /** How a stop ended. */
    public enum Outcome {
        /** It was not running. */
        NOT_RUNNING,
        /** It exited after TERM. */
        TERMINATED,
        /** It had to be killed. */
        KILLED
    }
}
