package org.chatserver.stack;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Step 6: one Payara Micro node ({@link PayaraNode}) running the application, configured by the command files of
 * step 5 and the application's system properties, with the MariaDB driver added to its class path and the chat-web
 * WAR deployed at {@code /}.
 *
 * <p>Ready means: Micro logged its URLs, no boot command or deployment failed (see {@link PayaraLogScanner}), and
 * {@code GET /api/v1/health} answers 200 (a 404 is tolerated with a warning while the application has no health
 * resource).
 *
 * <p>Used from one thread.
 */
final class PayaraMicroService implements StackService {

    static final String NAME = "payara";
    static final String HEALTH_PATH = "/api/v1/health";

    /** What survives in Micro's root folder between starts: the unpacked runtime only. */
    private static final Set<String> KEPT_IN_ROOT = Set.of("runtime");
    private static final int MAX_PROBLEMS_SHOWN = 5;

    private final StackConfig config;
    private final BuildInfo build;
    private final ApplicationArtifacts artifacts;
    private final ProcessStarter starter;
    private final PayaraNode node;

    PayaraMicroService(StackConfig config, PayaraNode node, BuildInfo build, ApplicationArtifacts artifacts,
            ProcessStarter starter) {
        this.config = config;
        this.node = node;
        this.build = build;
        this.artifacts = artifacts;
        this.starter = starter;
    }

    @Override
    public String name() {
        return node.name();
    }

    /**
     * Checks what can be checked before anything starts (archives built, ports free), so that a run that cannot
     * succeed fails at once instead of after starting and stopping the infrastructure.
     *
     * @return the WAR to deploy
     * @throws StepFailedException if Payara Micro could not start
     */
    Path preflight() throws StepFailedException {
        Path war = artifacts.war().orElseThrow(() -> missing("the chat-web WAR (classifier micro)",
                StackConfig.APP_WAR, config.appWar().isPresent(), artifacts.warCandidates()));
        artifacts.rar().orElseThrow(() -> missing("the chat-kafka-rar resource adapter", StackConfig.APP_RAR,
                config.appRar().isPresent(), artifacts.rarCandidates()));
        if (!Files.isRegularFile(build.payaraMicroJar())) {
            throw new StepFailedException(NAME, "Payara Micro jar " + build.payaraMicroJar() + " is missing; rebuild "
                    + "with ./chat --build");
        }
        Ports.requireFree(config.publicHost(), node.httpPort(), StackConfig.HTTP_PORT, node.name());
        Ports.requireFree(config.publicHost(), node.httpsPort(), StackConfig.HTTPS_PORT, node.name());
        return war;
    }

    @Override
    public void start(Progress progress, ProcessTracker tracker) throws StepFailedException {
        Path war = preflight();
        Path microJar = build.payaraMicroJar();

        Path logFile = node.logFile();
        Progress.Step step = progress.begin(node.name(), "starting Payara Micro " + build.payaraVersion() + " on "
                + config.bindAddress() + ":" + node.httpPort() + "/" + node.httpsPort() + " with "
                + StackLayout.display(war));
        long deadline = System.nanoTime() + config.startupTimeout().toNanos();
        ServiceProcess process;
        try {
            resetRootDir();
            process = starter.start(node.name(), command(microJar, war), node.dir(), logFile, false, Map.of());
        } catch (IOException e) {
            step.failed();
            throw new StepFailedException(node.name(), "cannot start Payara Micro: " + e.getMessage(), logFile, e);
        }
        tracker.started(process, config.bindAddress() + ":" + node.httpPort() + " (https " + node.httpsPort()
                + ")");
        try {
            Readiness.await(process, config.startupTimeout(), "started (\"" + PayaraLogScanner.READY_MARKER + "\")",
                    () -> PayaraLogScanner.isReady(readLog(logFile)));
            List<String> problems = problems(logFile);
            if (!problems.isEmpty()) {
                throw new StepFailedException(node.name(), "started with errors:\n  " + problems.stream()
                        .limit(MAX_PROBLEMS_SHOWN).collect(Collectors.joining("\n  "))
                        + (problems.size() > MAX_PROBLEMS_SHOWN ? "\n  (" + (problems.size() - MAX_PROBLEMS_SHOWN)
                        + " more)" : "") + "\n", logFile, null);
            }
            int status = awaitHealth(process, deadline);
            step.ok();
            if (status == 404) {
                progress.warn(node.name(), "GET " + HEALTH_PATH + " answers 404: the application has no health "
                        + "resource yet, so its readiness was not checked");
            }
        } catch (StepFailedException e) {
            step.failed();
            throw e;
        }
    }

    private List<String> command(Path microJar, Path war) throws StepFailedException {
        List<String> command = new ArrayList<>();
        command.add(ProcessStarter.javaExecutable());
        command.add(PayaraCommandFiles.JSON_PROVIDER_OPTION);
        command.addAll(config.payaraJavaOpts());
        // Micro explodes deployed archives (the adapter) into the temporary folder even with --rootdir, and leaves
        // them there: keep that inside the state folder, emptied on each start.
        command.add("-Djava.io.tmpdir=" + node.tmpDir());
        config.httpsKeystore().ifPresent(keystore -> {
            command.add("-Djavax.net.ssl.keyStore=" + keystore);
            command.add("-Djavax.net.ssl.keyStorePassword=" + config.httpsKeystorePassword());
        });
        command.addAll(List.of("-jar", microJar.toString(),
                "--nohazelcast", "--disablephonehome",
                "--port", Integer.toString(node.httpPort()),
                "--sslport", Integer.toString(node.httpsPort())));
        config.httpsKeyAlias().ifPresent(alias -> command.addAll(List.of("--sslcert", alias)));
        command.addAll(List.of(
                "--addLibs", mariaDbDriverJar().toString(),
                "--prebootcommandfile", node.preBootFile().toString(),
                "--postbootcommandfile", node.postBootFile().toString(),
                "--systemproperties", node.systemPropertiesFile().toString(),
                "--rootdir", node.rootDir().toString(),
                // file:context-root, the separator being File.pathSeparator; "/" deploys at the root.
                "--deploy", war + File.pathSeparator + "/"));
        return command;
    }

    /**
     * Micro keeps its configuration in the root folder across starts, so the post-boot commands would find their
     * pools and the adapter already there and fail. Everything but the unpacked runtime is removed before each start.
     * That includes the key stores: Micro rewrites them with the password of a {@link StackConfig#HTTPS_KEYSTORE}, and
     * its default self-signed certificate is the same on every fresh copy anyway.
     */
    private void resetRootDir() throws IOException {
        Binaries.deleteRecursively(node.tmpDir());
        Files.createDirectories(node.tmpDir());
        Path root = node.rootDir();
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> entries = Files.list(root)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                if (!KEPT_IN_ROOT.contains(entry.getFileName().toString())) {
                    Binaries.deleteRecursively(entry);
                }
            }
        }
    }

    /** @return the final status: 200, or 404 while the application has no health resource */
    private int awaitHealth(ServiceProcess process, long deadlineNanos) throws StepFailedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI uri = node.healthUri();
        String last = "no answer";
        while (true) {
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri)
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 || response.statusCode() == 404) {
                    return response.statusCode();
                }
                String body = response.body().strip();
                last = response.statusCode() + (body.isEmpty() ? "" : " " + abbreviate(body));
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StepFailedException(node.name(), "interrupted while checking health");
            }
            if (!process.isAlive()) {
                throw new StepFailedException(node.name(), process.describeExit() + " after it started",
                        process.logFile(), null);
            }
            if (System.nanoTime() - deadlineNanos > 0) {
                throw new StepFailedException(node.name(), "GET " + uri + " did not answer 200 within "
                        + config.startupTimeout().toSeconds() + " s (last: " + last + ")", process.logFile(), null);
            }
            Readiness.sleep();
        }
    }

    private static Path mariaDbDriverJar() throws StepFailedException {
        try {
            return ApplicationArtifacts.jdbcDriver();
        } catch (IllegalStateException e) {
            throw new StepFailedException(NAME, e.getMessage());
        }
    }

    private static List<String> problems(Path logFile) throws StepFailedException {
        try {
            return PayaraLogScanner.problems(readLog(logFile));
        } catch (IOException e) {
            throw new StepFailedException(NAME, "cannot read the log: " + e.getMessage(), logFile, e);
        }
    }

    private static String readLog(Path logFile) throws IOException {
        return Files.isRegularFile(logFile) ? new String(Files.readAllBytes(logFile), StandardCharsets.UTF_8) : "";
    }

    private static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "..." : oneLine;
    }

    private static StepFailedException missing(String what, Setting setting, boolean explicit,
            List<Path> candidates) {
        if (explicit) {
            return new StepFailedException(NAME, setting.name() + ": " + candidates.get(0) + " does not exist");
        }
        return new StepFailedException(NAME, what + " is not built (looked for " + candidates.stream()
                .map(StackLayout::display).collect(Collectors.joining(", ")) + "); build it with ./chat --build");
    }
}
