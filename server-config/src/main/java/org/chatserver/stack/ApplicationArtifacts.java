package org.chatserver.stack;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the application archives that Payara deploys: for Payara Micro the Kafka resource adapter
 * ({@code org.chatserver:chat-kafka-rar:rar}) and the web application ({@code org.chatserver:chat-web:war:micro}), for
 * Payara Server the enterprise archive ({@code org.chatserver:chat-ear:ear}). Looked up in order: the explicit
 * setting, the build tree (the freshest build), the local Maven repository. Also locates the JDBC driver that both
 * are given.
 *
 * <p>Immutable and thread-safe.
 */
public final class ApplicationArtifacts {

    private final StackConfig config;
    private final BuildInfo build;

    public ApplicationArtifacts(StackConfig config, BuildInfo build) {
        this.config = config;
        this.build = build;
    }

    /** @return the resource adapter archive, if it exists anywhere */
    public Optional<Path> rar() {
        return firstExisting(rarCandidates());
    }

    /** @return the web application archive, if it exists anywhere */
    public Optional<Path> war() {
        return firstExisting(warCandidates());
    }

    /** @return the places searched for the resource adapter; the first is where it is expected */
    public List<Path> rarCandidates() {
        if (config.appRar().isPresent()) {
            return List.of(config.appRar().get());
        }
        String v = build.projectVersion();
        List<Path> candidates = new ArrayList<>();
        for (Path root : repositoryRoots()) {
            candidates.add(root.resolve("chat-kafka-rar/target/chat-kafka-rar.rar"));
            candidates.add(root.resolve("chat-kafka-rar/target/chat-kafka-rar-" + v + ".rar"));
        }
        candidates.add(inLocalRepository("chat-kafka-rar", v, "chat-kafka-rar-" + v + ".rar"));
        return candidates;
    }

    /** @return the places searched for the web application; the first is where it is expected */
    public List<Path> warCandidates() {
        if (config.appWar().isPresent()) {
            return List.of(config.appWar().get());
        }
        String v = build.projectVersion();
        List<Path> candidates = new ArrayList<>();
        for (Path root : repositoryRoots()) {
            // With or without a finalName in chat-web's POM.
            candidates.add(root.resolve("chat-web/target/chat-web-micro.war"));
            candidates.add(root.resolve("chat-web/target/chat-web-" + v + "-micro.war"));
        }
        candidates.add(inLocalRepository("chat-web", v, "chat-web-" + v + "-micro.war"));
        return candidates;
    }

    /** @return the enterprise archive, if it exists anywhere */
    public Optional<Path> ear() {
        return firstExisting(earCandidates());
    }

    /** @return the places searched for the enterprise archive; the first is where it is expected */
    public List<Path> earCandidates() {
        if (config.appEar().isPresent()) {
            return List.of(config.appEar().get());
        }
        String v = build.projectVersion();
        List<Path> candidates = new ArrayList<>();
        for (Path root : repositoryRoots()) {
            // chat-ear's POM names it chat.ear.
            candidates.add(root.resolve("chat-ear/target/chat.ear"));
        }
        candidates.add(inLocalRepository("chat-ear", v, "chat-ear-" + v + ".ear"));
        return candidates;
    }

    /**
     * @return the MariaDB Connector/J jar the launcher itself runs with, which Payara is given too (Micro's
     *         {@code --addLibs}, the Server script's {@code add-library})
     * @throws IllegalStateException if it cannot be located
     */
    public static Path jdbcDriver() {
        try {
            return Path.of(org.mariadb.jdbc.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            throw new IllegalStateException("cannot locate the mariadb-java-client jar: " + e.getMessage(), e);
        }
    }

    /** The checkout found from the working folder, then the one this module was built in, if different. */
    private List<Path> repositoryRoots() {
        List<Path> roots = new ArrayList<>(List.of(config.repositoryRoot()));
        build.buildRepositoryRoot().filter(r -> !roots.contains(r)).ifPresent(roots::add);
        return roots;
    }

    private Path inLocalRepository(String artifactId, String version, String file) {
        return build.localRepository().resolve("org/chatserver").resolve(artifactId).resolve(version).resolve(file);
    }

    private static Optional<Path> firstExisting(List<Path> candidates) {
        return candidates.stream().filter(Files::isRegularFile).findFirst();
    }
}
