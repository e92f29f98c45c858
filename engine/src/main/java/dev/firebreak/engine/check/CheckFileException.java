package dev.firebreak.engine.check;

import java.util.Objects;

/**
 * A health-check file could not be read; the message names the file, line and field, e.g.
 * {@code checks.yaml:7: checks[1].component: unknown component 'paymnts'}.
 */
public final class CheckFileException extends Exception {

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
    public CheckFileException(String sourceName, int line, String field, String problem) {
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
