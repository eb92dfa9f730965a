package org.chatserver.bench;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.chatserver.bench.report.PerformanceDoc;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code report}: renders docs/performance.md from a folder of result JSON files. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Render the performance document from the result JSON files of a folder.")
final class ReportCommand implements Callable<Integer> {

    @Option(names = "--results", defaultValue = "docs/performance",
            description = "Folder with the <label>.json results (default: ${DEFAULT-VALUE}).")
    Path results;

    @Option(names = "--doc", defaultValue = "docs/performance.md",
            description = "The Markdown file to write (default: ${DEFAULT-VALUE}).")
    Path doc;

    @Override
    public Integer call() throws Exception {
        new PerformanceDoc(results, doc).write();
        System.out.println("[bench] wrote " + doc);
        return 0;
    }
}
