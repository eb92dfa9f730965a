package org.chatserver.it.ear;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * One Payara Server domain of a distribution unpacked for a test: created with a port base, started, driven with
 * asadmin, and stopped and removed again. asadmin runs as {@code java -jar glassfish/lib/client/appserver-cli.jar},
 * as the distribution's {@code bin/asadmin} script does, on the test's own JDK (so unpacked files need no execute
 * permission); the domain runs on that JDK too.
 *
 * <p>Every asadmin call is bounded by a timeout and its output is appended to a log file. {@link #close()} stops the
 * domain (forcibly if {@code stop-domain} does not), keeps a copy of its {@code server.log} and deletes the
 * distribution.
 *
 * <p>Not thread-safe: one test class drives it from one thread.
 */
final class PayaraServerDomain implements AutoCloseable {

    /** asadmin's client, which the distribution's {@code bin/asadmin} script runs. */
    private static final String CLI_JAR = "glassfish/lib/client/appserver-cli.jar";
    /** How asadmin's line about a failed command ends, in multimode too, where the exit status is the last one's. */
    private static final String FAILED_COMMAND = " failed.";

    private static final Duration CREATE_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration STOP_TIMEOUT = Duration.ofMinutes(1);
    private static final Duration KILL_TIMEOUT = Duration.ofSeconds(20);

    private final Path workDir;
    private final Path installDir;
    private final String name;
    private final int adminPort;
    private final Path asadminLog;
    private final Path serverLogCopy;

    private PayaraServerDomain(Path workDir, Path installDir, String name, int portBase, Path asadminLog,
            Path serverLogCopy) {
        this.workDir = workDir;
        this.installDir = installDir;
        this.name = name;
        this.adminPort = portBase + 48;
        this.asadminLog = asadminLog;
        this.serverLogCopy = serverLogCopy;
    }

    /**
     * Unpacks the distribution into {@code workDir} (a domain left running there by an interrupted run is killed
     * first, and the folder replaced), then creates the domain.
     *
     * @param distribution  the Payara Server zip ({@code fish.payara.distributions:payara:zip})
     * @param workDir       folder to unpack into; deleted again by {@link #close()}
     * @param name          the domain name
     * @param portBase      {@code create-domain --portbase}: admin on +48, HTTP on +80, HTTPS on +81; asadmin
     *                      refuses it if one of the domain's ports is taken
     * @param asadminLog    file the output of every asadmin call is appended to
     * @param serverLogCopy where {@link #close()} keeps the domain's {@code server.log}
     * @return the created domain, not started
     * @throws IOException if unpacking fails
     */
    static PayaraServerDomain create(Path distribution, Path workDir, String name, int portBase, Path asadminLog,
            Path serverLogCopy) throws IOException {
        if (Files.exists(workDir)) {
            try (Stream<Path> pidFiles = Files.find(workDir, 6,
                    (path, attributes) -> path.endsWith(Path.of("config", "pid")))) {
                pidFiles.forEach(PayaraServerDomain::kill);
            }
            deleteRecursively(workDir);
        }
        Files.createDirectories(asadminLog.getParent());
        Files.deleteIfExists(asadminLog);
        Path installDir;
        try {
            unzip(distribution, workDir);
            try (Stream<Path> top = Files.list(workDir)) {
                installDir = top.filter(dir -> Files.isRegularFile(dir.resolve(CLI_JAR))).findFirst()
                        .orElseThrow(() -> new IOException(distribution + " has no " + CLI_JAR));
            }
        } catch (IOException | RuntimeException e) {
            deleteRecursively(workDir);
            throw e;
        }
        PayaraServerDomain domain = new PayaraServerDomain(workDir, installDir, name, portBase, asadminLog,
                serverLogCopy);
        try {
            domain.asadmin(CREATE_TIMEOUT, "create-domain", "--portbase", Integer.toString(portBase),
                    "--nopassword=true", "--checkports=true", name);
        } catch (RuntimeException | AssertionError e) {
            domain.close();
            throw e;
        }
        return domain;
    }

    /** @return the domain's {@code server.log} */
    Path serverLog() {
        return domainDir().resolve("logs/server.log");
    }

    /** Starts the domain; returns once it answers. */
    void start() {
        asadmin(START_TIMEOUT, "start-domain", name);
    }

    /** Restarts the running domain; returns once it answers again. */
    void restart() {
        asadmin(START_TIMEOUT, "--port", Integer.toString(adminPort), "restart-domain", name);
    }

    /**
     * Runs an asadmin command file against the running domain ({@code multimode --file}).
     *
     * @param file    the command file, UTF-8
     * @param timeout how long all its commands may take
     * @throws AssertionError if a command failed (asadmin goes on after a failure, so all of them ran)
     */
    void runCommandFile(Path file, Duration timeout) {
        String output = asadmin(timeout, "--port", Integer.toString(adminPort), "multimode", "--file",
                file.toAbsolutePath().toString(), "--encoding", "UTF-8");
        List<String> failed = output.lines()
                .filter(line -> line.startsWith("Command ") && line.endsWith(FAILED_COMMAND)).toList();
        if (!failed.isEmpty()) {
            throw new AssertionError(file + ": " + String.join(", ", failed) + "; asadmin said:\n" + output);
        }
    }

    /** Stops the domain, kills it if it does not stop, keeps its {@code server.log} and deletes the distribution. */
    @Override
    public void close() {
        try {
            if (Files.exists(domainDir().resolve("config/pid"))) {
                asadmin(STOP_TIMEOUT, "stop-domain", name);
            }
        } catch (AssertionError e) {
            appendToLog("stop-domain failed, killing the domain: " + e.getMessage());
        } finally {
            kill(domainDir().resolve("config/pid"));
            keepServerLog();
            deleteRecursively(workDir);
        }
    }

    private Path domainDir() {
        return installDir.resolve("glassfish/domains").resolve(name);
    }

    /**
     * Runs asadmin and waits for it; its output is appended to the asadmin log.
     *
     * @return its output (stdout and stderr)
     * @throws AssertionError if it fails or exceeds the timeout
     */
    private String asadmin(Duration timeout, String... args) {
        String line = "asadmin " + String.join(" ", args);
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-XX:+IgnoreUnrecognizedVMOptions", "-jar",
                installDir.resolve(CLI_JAR).toString()));
        command.addAll(List.of(args));
        Process process = null;
        try {
            appendToLog("$ " + line);
            long outputStart = Files.size(asadminLog);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(asadminLog.toFile()));
            builder.environment().put("AS_JAVA", System.getProperty("java.home"));
            builder.environment().put("TERM", "dumb");
            Instant started = Instant.now();
            process = builder.start();
            process.getOutputStream().close();
            boolean exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            String output = readFrom(asadminLog, outputStart);
            appendToLog("-> " + (exited ? "exit " + process.exitValue() : "timed out") + " after "
                    + Duration.between(started, Instant.now()).toSeconds() + " s\n");
            if (!exited || process.exitValue() != 0) {
                throw new AssertionError(line + (exited ? " exited with " + process.exitValue()
                        : " did not finish within " + timeout) + ":\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + line, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + line, e);
        } finally {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
            }
        }
    }

    private void appendToLog(String text) {
        try {
            Files.writeString(asadminLog, text + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + asadminLog, e);
        }
    }

    private static String readFrom(Path file, long offset) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        return new String(bytes, (int) offset, bytes.length - (int) offset, StandardCharsets.UTF_8);
    }

    private void keepServerLog() {
        try {
            if (Files.isRegularFile(serverLog())) {
                Files.createDirectories(serverLogCopy.getParent());
                Files.copy(serverLog(), serverLogCopy, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            appendToLog("cannot keep " + serverLog() + ": " + e);
        }
    }

    /** Kills the process named by a domain's pid file, if it still runs, and waits for it to be gone. */
    private static void kill(Path pidFile) {
        readPid(pidFile).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive).ifPresent(process -> {
            process.destroyForcibly();
            process.onExit().orTimeout(KILL_TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
        });
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            return Files.isRegularFile(pidFile) ? Optional.of(Long.parseLong(Files.readString(pidFile).trim()))
                    : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void unzip(Path zip, Path target) throws IOException {
        Path root = target.toAbsolutePath().normalize();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path path = root.resolve(entry.getName()).normalize();
                if (!path.startsWith(root)) {
                    throw new IOException(zip + ": entry outside the target folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else {
                    Files.createDirectories(path.getParent());
                    Files.copy(in, path);
                }
            }
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
