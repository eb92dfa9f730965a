package org.chatserver.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SuiteCommandTest {

    @Test
    void anUnknownRunNameIsRefusedWithTheNamesBeforeAnythingRuns(@TempDir Path dir) {
        StringWriter errors = new StringWriter();
        CommandLine suite = new CommandLine(new ChatBench()).setErr(new PrintWriter(errors));
        Path doc = dir.resolve("performance.md");

        int exit = suite.execute("suite", "--only", "throughput-100x10", "--out", dir.toString(), "--doc",
                doc.toString());

        assertEquals(CommandLine.ExitCode.USAGE, exit);
        assertTrue(errors.toString().contains("no run named [throughput-100x10]"), errors.toString());
        assertTrue(errors.toString().contains("throughput"), errors.toString());
        assertFalse(Files.exists(doc), "no warm-up, no run, no document");
    }
}
