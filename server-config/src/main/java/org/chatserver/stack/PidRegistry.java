package org.chatserver.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Properties;

/**
 * Pid files of the processes the stack started, one per service in {@code <state>/run/<service>.pid}, so that
 * {@code stop} and {@code status} (other launcher runs) find them, and so that a launcher killed without its
 * shutdown hook leaves nothing untraceable.
 *
 * <p>Each file also holds the process start time: a pid is only trusted if the process with that pid started at the
 * recorded time, so a reused pid is never signalled.
 *
 * <p>Thread-safe for distinct services; one launcher at a time is expected to write the folder.
 */
public final class PidRegistry {

    private final Path runDir;

    public PidRegistry(Path runDir) {
        this.runDir = runDir;
    }

    /**
     * Records a started process.
     *
     * @param process   the process
     * @param endpoints what it listens on, for {@code status}, e.g. {@code 127.0.0.1:9092}
     */
    public void record(ServiceProcess process, String endpoints) {
        Properties p = new Properties();
        p.setProperty("pid", Long.toString(process.pid()));
        process.startInstant().ifPresent(t -> p.setProperty("started", t.toString()));
        p.setProperty("endpoints", endpoints);
        p.setProperty("log", process.logFile().toString());
        try {
            Files.createDirectories(runDir);
            Path tmp = file(process.name()).resolveSibling(process.name() + ".pid.tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                p.store(out, "chat stack service process");
            }
            Files.move(tmp, file(process.name()), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file(process.name()), e);
        }
    }

    /**
     * Reads the record of a service.
     *
     * @param service service name
     * @return the record, if a pid file exists and is readable
     */
    public Optional<Entry> read(String service) {
        Path file = file(service);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
            long pid = Long.parseLong(p.getProperty("pid", "").trim());
            Optional<Instant> started = Optional.ofNullable(p.getProperty("started")).map(Instant::parse);
            Path log = Path.of(p.getProperty("log", ""));
            return Optional.of(new Entry(service, pid, started, p.getProperty("endpoints", ""), log));
        } catch (IOException | NumberFormatException | DateTimeParseException e) {
            return Optional.of(new Entry(service, -1, Optional.empty(), "", file));
        }
    }

    /**
     * Forgets a service's process.
     *
     * @param service service name
     */
    public void remove(String service) {
        try {
            Files.deleteIfExists(file(service));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file(service), e);
        }
    }

    private Path file(String service) {
        return runDir.resolve(service + ".pid");
    }

    /**
     * One pid file.
     *
     * @param service   service name
     * @param pid       recorded pid, or -1 if the file is unreadable
     * @param started   recorded start time of the process
     * @param endpoints what it listens on
     * @param logFile   its log file
     */
    public record Entry(String service, long pid, Optional<Instant> started, String endpoints, Path logFile) {

        /**
         * @return the recorded process if it still runs and is the same process (same start time)
         */
        public Optional<ServiceProcess> liveProcess() {
            if (pid <= 0) {
                return Optional.empty();
            }
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(h -> started.isEmpty() || h.info().startInstant().isEmpty()
                            || h.info().startInstant().get().equals(started.get()))
                    .map(h -> new ServiceProcess(service, h, null, logFile));
        }
    }
}
