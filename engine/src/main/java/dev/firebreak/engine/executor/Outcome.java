package dev.firebreak.engine.executor;

import java.util.Objects;

/**
 * What an executor reports. {@code output} is what the step printed or returned, cut at the invocation's limit
 * ({@code truncated} says so); {@code message} explains the status in plain words.
 */
public record Outcome(Status status, int exitCode, String output, boolean truncated, String message) {

    public enum Status {
        SUCCEEDED, FAILED, TIMED_OUT, REFUSED
    }

    public Outcome {
        Objects.requireNonNull(status, "status");
        output = output == null ? "" : output;
        Objects.requireNonNull(message, "message");
    }

    public boolean succeeded() {
        return status == Status.SUCCEEDED;
    }

    public static Outcome succeeded(String output, String message) {
        return new Outcome(Status.SUCCEEDED, 0, output, false, message);
    }

    public static Outcome failed(int exitCode, String output, String message) {
        return new Outcome(Status.FAILED, exitCode, output, false, message);
    }

    public static Outcome refused(String message) {
        return new Outcome(Status.REFUSED, -1, "", false, message);
    }
}
