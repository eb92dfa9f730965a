package org.chatserver.bench.server;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Where the local stack's server node is and how to restart it: a picocli mixin of every scenario and of the suite,
 * which passes it on to the scenarios it runs. Set once by picocli, then read-only.
 */
public final class ServerOptions {

    @Option(names = "--stack-dir", defaultValue = ".stack",
            description = "State folder of the local stack, where run/payara.pid names the server (default: "
                    + "${DEFAULT-VALUE}).")
    Path stackDir;

    @Option(names = "--launcher", defaultValue = "./chat",
            description = "The stack launcher, for the node restart of the reconnect scenario (default: "
                    + "${DEFAULT-VALUE}).")
    Path launcher;

    /** @return the node these options name */
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
