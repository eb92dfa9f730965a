package org.chatserver.stack;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URL;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The local development stack launcher, normally run through the {@code ./chat} wrapper:
 *
 * <pre>
 * ChatStack [run]        start everything in the foreground; Ctrl-C stops it all, in reverse order
 * ChatStack start        start everything and return once ready (processes keep running; pids in &lt;state&gt;/run)
 * ChatStack stop         stop what start (or a killed run) left running: TERM, then KILL after a timeout
 * ChatStack status       what runs, on which ports
 * ChatStack infra start  like start, without Payara Micro (for the integration tests); writes the command files
 * ChatStack infra stop   stop the infrastructure that infra start started
 * ChatStack node start|stop|restart [N]
 *                        start Payara Micro node N (default 1) on the running infrastructure, beside the others, and
 *                        return once it is ready; stop it; or kill it (SIGKILL) and start it again (failover
 *                        measurements). Node N listens on the HTTP and HTTPS ports + N - 1 (see {@link PayaraNode})
 * ChatStack infra stop|start mariadb|redis|kafka
 *                        stop one service the stack started, or start it again (same data, same ports): for fault
 *                        tests, with the rest of the stack running
 * ChatStack payara-server-script [file]
 *                        write the asadmin script that sets up a running Payara Server domain and deploys the EAR
 *                        (default file: &lt;state&gt;/payara/payara-server.asadmin)
 * ChatStack config       print the settings as a Markdown table
 * </pre>
 *
 * Settings come from {@code CHAT_*} environment variables (see {@link StackConfig}). Exit codes: 0 success, 1 a step
 * failed (its message names the step and the log to read), 2 bad usage or configuration.
 *
 * <p>The main thread starts and supervises; a shutdown hook stops what was started. See {@link Stack}.
 */
public final class ChatStack {

    private static final String USAGE = String.join("\n",
            "usage: ./chat [--build] [run|start|stop|status|infra start|infra stop|infra start|stop <service>|"
                    + "node start|stop|restart [N]|payara-server-script [file]|config]",
            "  run          start MariaDB, Redis, Kafka and Payara Micro in the foreground (default); Ctrl-C stops",
            "  start        the same, but return once ready and leave it running",
            "  stop         stop what start left running",
            "  status       show what runs, on which ports",
            "  infra start  start MariaDB, Redis and Kafka only, and write the Payara command files",
            "  infra stop   stop what infra start started",
            "  node start [N], node stop [N], node restart [N]",
            "               start Payara Micro node N (1 to " + PayaraNode.MAX_NODES
                    + ", default 1) beside the others on the",
            "               running infrastructure, on the HTTP/HTTPS ports + N - 1 (node 2: 8081/8182); stop it;",
            "               or kill it (SIGKILL, like a crash) and start it again",
            "  infra stop <service>, infra start <service>",
            "               stop one service (mariadb, redis, kafka) the stack started, or start it again with the",
            "               same data and ports, the rest left running (fault tests)",
            "  payara-server-script [file]",
            "               write the asadmin script that sets up a running Payara Server domain and deploys the EAR",
            "               (default <state>/payara/payara-server.asadmin); it says how to run it",
            "  config       print the CHAT_* settings (Markdown table)",
            "  --build      (wrapper) rebuild with Maven first",
            "Settings: CHAT_* environment variables or -D system properties; ./chat config lists them.");

    private static final String SERVER_SCRIPT_STEP = "payara-server";
    private static final String SERVER_SCRIPT_COMMAND = "payara-server-script";

    private final PrintStream out;
    private final PrintStream err;
    private final Progress progress;

    ChatStack(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
        this.progress = new Progress(out);
    }

    /**
     * @param args the command, see the class documentation
     */
    public static void main(String[] args) {
        int exit = new ChatStack(System.out, System.err).execute(args);
        System.out.flush();
        System.exit(exit);
    }

    int execute(String[] args) {
        Command command = Command.parse(args);
        if (command == null) {
            err.println(USAGE);
            return 2;
        }
        if (command == Command.HELP) {
            out.println(USAGE);
            return 0;
        }
        if (command == Command.CONFIG) {
            out.print(StackConfig.renderMarkdownTable());
            return 0;
        }
        StackConfig config;
        BuildInfo build;
        StackLayout layout;
        PayaraNode node;
        try {
            config = StackConfig.fromEnvironment(Path.of(""));
            build = BuildInfo.load();
            layout = new StackLayout(config.stateDir());
            node = command.takesNode() && args.length == 3 ? PayaraNode.parse(args[2], config, layout)
                    : PayaraNode.first(config, layout);
        } catch (ConfigException | IllegalStateException e) {
            err.println("[stack] configuration: " + e.getMessage());
            return 2;
        }
        configureLogging(layout);
        PidRegistry registry = new PidRegistry(layout.runDir());
        StackControl control = new StackControl(config, layout, progress, registry);
        return switch (command) {
            case RUN -> start(config, layout, build, registry, true, true);
            case START -> start(config, layout, build, registry, true, false);
            case INFRA_START -> start(config, layout, build, registry, false, false);
            case NODE_START -> runNode(config, layout, build, registry, node, false);
            case NODE_RESTART -> runNode(config, layout, build, registry, node, true);
            case NODE_STOP -> control.stopOne(node.name()) ? 0 : 1;
            case STOP -> {
                control.stop(true);
                yield 0;
            }
            case INFRA_STOP -> {
                control.stop(false);
                yield 0;
            }
            case STATUS -> {
                control.status();
                yield 0;
            }
            case INFRA_STOP_ONE -> control.stopOne(args[2].toLowerCase(Locale.ROOT)) ? 0 : 1;
            case INFRA_START_ONE -> startOne(config, layout, build, registry, args[2].toLowerCase(Locale.ROOT));
            case PAYARA_SERVER_SCRIPT -> writePayaraServerScript(config, layout, build,
                    args.length > 1 ? Path.of(args[1]) : layout.payaraServerScript());
            default -> throw new IllegalStateException("unhandled command " + command);
        };
    }

    private int start(StackConfig config, StackLayout layout, BuildInfo build, PidRegistry registry,
            boolean withPayara, boolean foreground) {
        progress.line("state folder " + StackLayout.display(layout.root()));
        Stack stack = new Stack(config, layout, build, progress, registry);
        // Registered before the first process starts, so that Ctrl-C during a start also stops what is up.
        Thread hook = new Thread(() -> {
            if (!stack.started().isEmpty()) {
                progress.line("stopping");
            }
            stack.stop();
        }, "chat-stack-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            stack.start(withPayara);
        } catch (StepFailedException e) {
            err.println("[stack] FAILED: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            // A bug or an environment problem no step anticipated: show everything.
            err.println("[stack] FAILED: unexpected error: " + e);
            e.printStackTrace(err);
            return 1;
        }
        printReady(config, PayaraNode.first(config, layout), withPayara);
        if (!foreground) {
            Runtime.getRuntime().removeShutdownHook(hook);
            progress.line("running in the background; ./chat status shows it, ./chat "
                    + (withPayara ? "" : "infra ") + "stop stops it");
            return 0;
        }
        progress.line("running; press Ctrl-C to stop");
        return supervise(stack);
    }

    /** {@code node start N} and {@code node restart N}: the node keeps running in the background. */
    private int runNode(StackConfig config, StackLayout layout, BuildInfo build, PidRegistry registry,
            PayaraNode node, boolean restart) {
        Stack stack = new Stack(config, layout, build, progress, registry);
        try {
            if (restart) {
                stack.restartNode(node);
            } else {
                stack.startNode(node);
            }
        } catch (StepFailedException e) {
            err.println("[stack] FAILED: " + e.getMessage());
            return 1;
        }
        printReady(config, node, true);
        progress.line("node " + node.number() + " running in the background; ./chat node stop " + node.number()
                + " stops it");
        return 0;
    }

    /** Starts one infrastructure service again, alone, and leaves it running in the background. */
    private int startOne(StackConfig config, StackLayout layout, BuildInfo build, PidRegistry registry,
            String service) {
        Stack stack = new Stack(config, layout, build, progress, registry);
        try {
            stack.startOne(service);
        } catch (StepFailedException e) {
            err.println("[stack] FAILED: " + e.getMessage());
            return 1;
        }
        progress.line(service + " running in the background; ./chat infra stop " + service + " stops it");
        return 0;
    }

    /**
     * Writes the Payara Server script, with the development JWT key pair it points at (generated if missing), and
     * says how to run it.
     */
    private int writePayaraServerScript(StackConfig config, StackLayout layout, BuildInfo build, Path file) {
        ApplicationArtifacts artifacts = new ApplicationArtifacts(config, build);
        Path ear = artifacts.ear().orElse(artifacts.earCandidates().get(0));
        String nodeId = config.nodeId().orElseGet(() -> UUID.randomUUID().toString());
        Progress.Step step = progress.begin(SERVER_SCRIPT_STEP, "writing " + StackLayout.display(file));
        try {
            JwtKeys.ensure(layout.jwtPrivateKey(), layout.jwtPublicKey());
            ChatSystemProperties properties = new ChatSystemProperties(config, layout.jwtPrivateKey(),
                    layout.jwtPublicKey(), nodeId);
            new PayaraServerScript(config, properties, ear, ApplicationArtifacts.jdbcDriver()).writeTo(file);
            step.ok();
        } catch (ConfigException e) {
            step.failed();
            err.println("[stack] configuration: " + e.getMessage());
            return 2;
        } catch (IOException | GeneralSecurityException | IllegalStateException e) {
            step.failed();
            err.println("[stack] FAILED: " + SERVER_SCRIPT_STEP + ": cannot write the script: " + e.getMessage());
            return 1;
        }
        if (artifacts.ear().isEmpty()) {
            progress.info(SERVER_SCRIPT_STEP, "note: " + StackLayout.display(ear) + " is not built yet; the script "
                    + "deploys it from there");
        }
        progress.info(SERVER_SCRIPT_STEP, "node id " + nodeId + ", keys in " + StackLayout.display(layout.keysDir()));
        out.println("  run it against a running domain without these resources:");
        out.println("  asadmin --port <admin port> multimode --file " + file.toAbsolutePath() + " --encoding UTF-8");
        return 0;
    }

    /** Waits until a service exits; unless that is the shutdown hook at work, stops the rest and reports it. */
    private int supervise(Stack stack) {
        List<ServiceProcess> processes = stack.started();
        if (processes.isEmpty()) {
            return 0;
        }
        CompletableFuture.anyOf(processes.stream().map(p -> p.handle().onExit()).toArray(CompletableFuture[]::new))
                .join();
        if (stack.isStopped()) {
            return 0;
        }
        for (ServiceProcess p : processes) {
            if (!p.isAlive()) {
                err.println("[stack] FAILED: " + p.name() + ": " + p.describeExit() + " unexpectedly; see "
                        + StackLayout.display(p.logFile()));
            }
        }
        stack.stop();
        return 1;
    }

    private void printReady(StackConfig config, PayaraNode node, boolean withPayara) {
        if (withPayara) {
            String host = config.publicHost();
            progress.line(node.number() == 1 ? "ready" : "node " + node.number() + " ready");
            out.println("  http://" + host + ":" + node.httpPort());
            out.println("  https://" + host + ":" + node.httpsPort());
            out.println("  ws://" + host + ":" + node.httpPort() + "/ws");
        } else {
            progress.line("infrastructure ready");
            out.println("  MariaDB   " + config.dbHost() + ":" + config.dbPort() + " (databases "
                    + config.directoryDatabase() + ", " + config.dbPrefix() + StackConfig.SHARD_DATABASE + "0.."
                    + (config.shards() - 1) + ")");
            out.println("  Redis     " + config.redisAddress());
            out.println("  Kafka     " + config.kafkaBootstrapServers() + " (topic " + StackConfig.MESSAGES_TOPIC
                    + ")");
            out.println("  Payara    " + StackLayout.display(node.preBootFile()) + ", "
                    + StackLayout.display(node.postBootFile()) + ", "
                    + StackLayout.display(node.systemPropertiesFile()));
        }
    }

    /**
     * Sends the launcher's own library logging (Kafka AdminClient, JDBC driver) to {@code <state>/logs/launcher.log}
     * instead of the console. Must run before the first logger is created.
     */
    private static void configureLogging(StackLayout layout) {
        System.setProperty("chat.stack.log", layout.logsDir().resolve("launcher.log").toString());
        URL config = ChatStack.class.getResource("launcher-log4j2.xml");
        if (config != null && System.getProperty("log4j2.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", config.toString());
        }
    }

    /** The commands of the command line. */
    enum Command {
        RUN, START, STOP, STATUS, INFRA_START, INFRA_STOP, INFRA_START_ONE, INFRA_STOP_ONE, NODE_START, NODE_STOP,
        NODE_RESTART, PAYARA_SERVER_SCRIPT, CONFIG, HELP;

        /** @return whether the command acts on one Payara node, named by an optional third argument */
        boolean takesNode() {
            return this == NODE_START || this == NODE_STOP || this == NODE_RESTART;
        }

        /**
         * @param args command-line arguments
         * @return the command, or null if the arguments are not a valid command
         */
        static Command parse(String[] args) {
            if (args.length > 0 && SERVER_SCRIPT_COMMAND.equalsIgnoreCase(args[0])) {
                // The only command with an operand: the file to write.
                return args.length <= 2 ? PAYARA_SERVER_SCRIPT : null;
            }
            if (args.length == 3 && "infra".equalsIgnoreCase(args[0])
                    && Stack.INFRA_SERVICES.contains(args[2].toLowerCase(Locale.ROOT))) {
                return switch (args[1].toLowerCase(Locale.ROOT)) {
                    case "start" -> INFRA_START_ONE;
                    case "stop" -> INFRA_STOP_ONE;
                    default -> null;
                };
            }
            if ((args.length == 2 || args.length == 3) && "node".equalsIgnoreCase(args[0])) {
                // The node number is checked once the configuration is known (PayaraNode.parse).
                return switch (args[1].toLowerCase(Locale.ROOT)) {
                    case "start" -> NODE_START;
                    case "stop" -> NODE_STOP;
                    case "restart" -> NODE_RESTART;
                    default -> null;
                };
            }
            String joined = String.join(" ", args).trim().toLowerCase(Locale.ROOT);
            return switch (joined) {
                case "", "run" -> RUN;
                case "start" -> START;
                case "stop" -> STOP;
                case "status" -> STATUS;
                case "infra start" -> INFRA_START;
                case "infra stop" -> INFRA_STOP;
                case "config" -> CONFIG;
                case "help", "-h", "--help" -> HELP;
                default -> null;
            };
        }
    }
}
