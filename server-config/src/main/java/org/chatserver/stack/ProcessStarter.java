package org.chatserver.stack;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Starts service processes detached from the launcher's terminal, with their output in a log file.
 *
 * <p>Each process gets its own session ({@code setsid}) when the tool is available, for two reasons: Ctrl-C in the
 * terminal must reach only the launcher, which then stops the services in reverse order (instead of all of them
 * dying at once), and {@code ./chat start} must leave processes that survive the terminal closing. Standard input is
 * {@code /dev/null} and output goes to a file, so no pipe ties a service to the launcher's lifetime.
 *
 * <p>Stateless apart from the {@code setsid} lookup; thread-safe.
 */
public final class ProcessStarter {

    private static final Optional<Path> SETSID = findSetsid();

    /**
     * Starts a long-running process.
     *
     * @param name      service name
     * @param command   the command and its arguments
     * @param workDir   working directory
     * @param logFile   file receiving stdout and stderr
     * @param appendLog whether to append to the log instead of starting it afresh
     * @param env       extra environment variables
     * @return the running process
     * @throws IOException if it cannot be started
     */
    public ServiceProcess start(String name, List<String> command, Path workDir, Path logFile, boolean appendLog,
            Map<String, String> env) throws IOException {
        Process process = builder(command, workDir, logFile, appendLog, env).start();
        return new ServiceProcess(name, process.toHandle(), process, logFile);
    }

    /**
     * Runs a command to completion (a one-off tool such as a data folder initialiser).
     *
     * @param command   the command and its arguments
     * @param workDir   working directory
     * @param logFile   file receiving stdout and stderr (appended)
     * @param timeout   how long it may take; it is killed after that
     * @return its exit code, or -1 if it timed out
     * @throws IOException if it cannot be started
     */
    public int run(List<String> command, Path workDir, Path logFile, Duration timeout) throws IOException {
        Process process = builder(command, workDir, logFile, true, Map.of()).start();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + command.get(0), e);
        }
    }

    private static ProcessBuilder builder(List<String> command, Path workDir, Path logFile, boolean appendLog,
            Map<String, String> env) throws IOException {
        Files.createDirectories(logFile.getParent());
        List<String> full = new ArrayList<>();
        SETSID.ifPresent(p -> full.add(p.toString()));
        full.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(full)
                .directory(workDir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(appendLog ? ProcessBuilder.Redirect.appendTo(logFile.toFile())
                        : ProcessBuilder.Redirect.to(logFile.toFile()));
        pb.environment().putAll(env);
        return pb;
    }

    /** @return the Java executable of this JVM, so services run on the same JDK as the launcher */
    public static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Optional<Path> findSetsid() {
        for (String dir : new String[] {"/usr/bin", "/bin", "/usr/sbin", "/sbin"}) {
            Path p = Path.of(dir, "setsid");
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
