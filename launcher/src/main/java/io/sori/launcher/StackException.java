package io.sori.launcher;

import java.nio.file.Path;

/** The stack could not be started (or a process restarted); names the process and its log when one is to blame. */
public final class StackException extends RuntimeException {

    private final String process;
    private final Path logFile;
    private final String logTail;

    public StackException(String message) {
        this(message, null, null, null);
    }

    public StackException(String message, Throwable cause) {
        super(message, cause);
        this.process = null;
        this.logFile = null;
        this.logTail = null;
    }

    StackException(String message, ManagedProcess culprit) {
        this(message, culprit.name(), culprit.logFile(), culprit.tail(40));
    }

    private StackException(String message, String process, Path logFile, String logTail) {
        super(message);
        this.process = process;
        this.logFile = logFile;
        this.logTail = logTail;
    }

    /** The process that failed, or null. */
    public String process() {
        return process;
    }

    /** Its log file, or null. */
    public Path logFile() {
        return logFile;
    }

    /** The last lines of its log at the time of failure, or null. */
    public String logTail() {
        return logTail;
    }
}
