package dev.firebreak.engine.notify;

import java.util.Objects;

/**
 * A notifications file could not be read; the message names the file, line and field, e.g.
 * {@code notifications.yaml:7: channels[1].retry.maxAttempts: retry.maxAttempts must be between 1 and 10, was 0}.
 * It names secret references, never their values.
 */
public final class NotificationConfigException extends Exception {

    private static final long serialVersionUID = 1L;
    private final String sourceName;
    private final int line;
    private final String field;

    /**
     * @param sourceName the file or resource that was read
     * @param line       1-based line, or 0 when the problem is not tied to a line
     * @param field      path of the offending field; empty if none
     * @param problem    what is wrong, in plain words
     */
    public NotificationConfigException(String sourceName, int line, String field, String problem) {
        super(sourceName + (line > 0 ? ":" + line : "") + ": " + (field.isEmpty() ? "" : field + ": ") + problem);
        this.sourceName = Objects.requireNonNull(sourceName, "sourceName");
        this.line = line;
        this.field = Objects.requireNonNull(field, "field");
    }

    public String sourceName() {
        return sourceName;
    }

    public int line() {
        return line;
    }

    public String field() {
        return field;
    }
}
