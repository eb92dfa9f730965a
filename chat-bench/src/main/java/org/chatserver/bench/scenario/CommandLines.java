package org.chatserver.bench.scenario;

import picocli.CommandLine.Model.CommandSpec;

/** The command line of a run as the report records it: the documented jar invocation and the given arguments. */
final class CommandLines {

    private CommandLines() {
    }

    /** @return {@code java -jar chat-bench/target/chat-bench.jar <subcommand> <args>} */
    static String of(CommandSpec spec) {
        StringBuilder line = new StringBuilder("java -jar chat-bench/target/chat-bench.jar");
        for (String arg : spec.commandLine().getParseResult().originalArgs()) {
            line.append(' ').append(arg);
        }
        return line.toString();
    }
}
