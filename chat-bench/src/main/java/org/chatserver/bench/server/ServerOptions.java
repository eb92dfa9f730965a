package org.chatserver.bench.server;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Where the local stack's server nodes are and how to start, stop and restart them: a picocli mixin of every scenario
 * and of the suite, which passes it on to the scenarios it runs. Set once by picocli, then read-only.
 */
public final class ServerOptions {

    @Option(names = "--stack-dir", defaultValue = ".stack",
            description = "State folder of the local stack, where run/payara.pid names the server node "
                    + "(run/payara-N.pid node N) (default: ${DEFAULT-VALUE}).")
    Path stackDir;

    @Option(names = "--launcher", defaultValue = "./chat",
            description = "The stack launcher, for the node start, stop and restart of the reconnect scenario "
                    + "(default: ${DEFAULT-VALUE}).")
    Path launcher;

    /** @return the stack's nodes these options name */
    public ServerNode node() {
        return new ServerNode(stackDir, launcher);
    }

    /** @return the stack launcher */
    public Path launcher() {
        return launcher;
    }

    /** @return these options as command-line arguments, for a scenario run from the suite */
    public List<String> asArguments() {
        return List.of("--stack-dir", stackDir.toString(), "--launcher", launcher.toString());
    }
}
