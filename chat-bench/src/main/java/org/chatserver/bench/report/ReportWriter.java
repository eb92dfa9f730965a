package org.chatserver.bench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a run's JSON and PNG into the output folder as {@code <label>.json} and {@code <label>.png}, and prints the
 * one-line summary. Stateless apart from the folder; thread-safe.
 */
public final class ReportWriter {

    /** The JSON mapping of reports: snake_case, indented. */
    public static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private final Path folder;

    public ReportWriter(Path folder) {
        this.folder = folder;
    }

    /**
     * Writes the report and its chart.
     *
     * @return the JSON file
     */
    public Path write(RunReport report, Chart chart) throws IOException {
        Files.createDirectories(folder);
        Path json = folder.resolve(report.label() + ".json");
        JSON.writeValue(json.toFile(), report);
        if (chart != null) {
            chart.writePng(folder.resolve(report.label() + ".png"));
        }
        return json;
    }
}
