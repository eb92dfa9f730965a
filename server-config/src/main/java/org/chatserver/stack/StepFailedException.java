package org.chatserver.stack;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A step of the stack could not be completed. The message names the step and, when there is one, the log file to
 * look at, so that the launcher can print it as the whole explanation.
 */
public final class StepFailedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String step;
    private final transient Path logFile;

    /**
     * @param step    the step (service) that failed, e.g. {@code kafka}
     * @param message what went wrong, without the step name
     * @param logFile the log to look at, or null
     * @param cause   the underlying error, or null
     */
    public StepFailedException(String step, String message, Path logFile, Throwable cause) {
        super(step + ": " + message + (logFile == null ? "" : (message.endsWith("\n") ? "  see " : "; see ")
                + StackLayout.display(logFile)), cause);
        this.step = step;
        this.logFile = logFile;
    }

    public StepFailedException(String step, String message) {
        this(step, message, null, null);
    }

    /** @return the step that failed */
    public String step() {
        return step;
    }

    /** @return the log file to look at, if any */
    public Optional<Path> logFile() {
        return Optional.ofNullable(logFile);
    }
}
