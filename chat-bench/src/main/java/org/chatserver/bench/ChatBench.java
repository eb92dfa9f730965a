package org.chatserver.bench;

import org.chatserver.bench.scenario.CatchUpScenario;
import org.chatserver.bench.scenario.ConnectionsScenario;
import org.chatserver.bench.scenario.FanoutScenario;
import org.chatserver.bench.scenario.ReconnectScenario;
import org.chatserver.bench.scenario.ThroughputScenario;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line: {@code java -jar chat-bench/target/chat-bench.jar <scenario> [options]}, or {@code suite} for
 * the standard suite and {@code report} to render docs/performance.md from result files. Exit code 0 when the run
 * completed without missing deliveries or failures, 1 otherwise, 2 on bad usage.
 */
@Command(name = "chat-bench", mixinStandardHelpOptions = true, version = "chat-bench 1.0.0-SNAPSHOT",
        description = "Load generator and benchmarks of the chat server; speaks only the public protocol.",
        subcommands = {FanoutScenario.class, ThroughputScenario.class, ConnectionsScenario.class,
                ReconnectScenario.class, CatchUpScenario.class, SuiteCommand.class, ReportCommand.class})
public final class ChatBench {

    ChatBench() {
    }

    /** @param args a subcommand and its options; {@code --help} lists them */
    public static void main(String[] args) {
        System.exit(new CommandLine(new ChatBench()).execute(args));
    }
}
