package org.chatserver.stack;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads Payara Micro's startup log: whether it has finished starting ({@value #READY_MARKER}), and what went wrong on
 * the way. Micro reports "Deployed N archive(s)" and its URLs even when a deployment failed, and logs a failed boot
 * command only as a WARNING, so readiness alone says nothing about success: the problems are found here. Payara
 * Server's {@code server.log} has the same record format, and {@link #problems(String)} reads it too.
 *
 * <p>A problem is a SEVERE record, a failed boot command, or a failed deployment. Stateless and thread-safe.
 */
public final class PayaraLogScanner {

    /** Logged once Micro has booted, run the boot commands and deployed its archives. */
    public static final String READY_MARKER = "Payara Micro URLs";

    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*m");
    private static final Pattern RECORD_START = Pattern.compile("^\\[\\d{4}-\\d{2}-\\d{2}T.*");
    private static final Pattern HEADER_END = Pattern.compile(".*\\[levelValue: \\d+]\\s*(.*)");
    private static final int MAX_SUMMARY = 300;

    private PayaraLogScanner() {
    }

    /**
     * @param log the log so far
     * @return whether Micro has finished starting
     */
    public static boolean isReady(String log) {
        return log.contains(READY_MARKER);
    }

    /**
     * @param log the log so far
     * @return one line per problem found, in log order
     */
    public static List<String> problems(String log) {
        List<String> problems = new ArrayList<>();
        for (List<String> record : records(ANSI.matcher(log).replaceAll(""))) {
            String header = record.get(0);
            String message = summary(record);
            boolean severe = header.contains("[SEVERE]");
            boolean failedCommand = message.startsWith("Boot Command") && message.contains(" failed");
            boolean failedDeployment = message.contains("Exception while deploying")
                    || message.contains("Error occurred during deployment")
                    || message.contains("Failed to deploy");
            if (severe || failedCommand || failedDeployment) {
                problems.add((severe ? "SEVERE: " : "") + message);
            }
        }
        return problems;
    }

    /** Splits the log into records; a record starts with a {@code [timestamp]} line. */
    private static List<List<String>> records(String log) {
        List<List<String>> records = new ArrayList<>();
        List<String> current = null;
        for (String line : log.split("\r?\n")) {
            if (RECORD_START.matcher(line).matches()) {
                current = new ArrayList<>();
                records.add(current);
            }
            if (current != null) {
                current.add(line);
            }
        }
        return records;
    }

    /** The first meaningful line of a record's message: the text after its header, or its next non-blank line. */
    private static String summary(List<String> record) {
        var header = HEADER_END.matcher(record.get(0));
        List<String> candidates = new ArrayList<>();
        if (header.matches()) {
            candidates.add(header.group(1));
        }
        candidates.addAll(record.subList(1, record.size()));
        for (String line : candidates) {
            String text = line.replace("[[", "").replace("]]", "").trim();
            if (!text.isEmpty()) {
                return text.length() > MAX_SUMMARY ? text.substring(0, MAX_SUMMARY) + "..." : text;
            }
        }
        return record.get(0).trim();
    }
}
