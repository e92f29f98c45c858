package dev.firebreak.engine.topology;

import java.util.Objects;

/**
 * A topology file could not be loaded; the message names the file, the line and the field.
 *
 * <p>The message reads like a compiler error, {@code shop.yaml:42: dependencies[3].to: unknown
 * component 'paymnts' (did you mean 'payments'?)}, so an operator can jump straight to the line. It is
 * checked because a bad file is an expected, recoverable situation the caller must show to a person.
 */
public final class TopologyException extends Exception {

    private final String sourceName;
    private final int line;
    private final int column;
    private final String field;
    private final String problem;

    /**
     * @param sourceName the file or resource that was read
     * @param line       1-based line, or 0 when the problem is not tied to a line
     * @param column     1-based column, or 0 when unknown
     * @param field      path of the offending field such as {@code components[2].capacity}; empty if none
     * @param problem    what is wrong, in plain words
     */
    public TopologyException(String sourceName, int line, int column, String field, String problem) {
        super(format(sourceName, line, column, field, problem));
        this.sourceName = Objects.requireNonNull(sourceName, "sourceName");
        this.line = line;
        this.column = column;
        this.field = Objects.requireNonNull(field, "field");
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    private static String format(String sourceName, int line, int column, String field, String problem) {
        StringBuilder message = new StringBuilder(sourceName);
        if (line > 0) {
            message.append(':').append(line);
            if (column > 0) {
                message.append(':').append(column);
            }
        }
        message.append(": ");
        if (!field.isEmpty()) {
            message.append(field).append(": ");
        }
        return message.append(problem).toString();
    }

    public String sourceName() {
        return sourceName;
    }

    /** 1-based line of the problem, or 0 when it is not tied to a line. */
    public int line() {
        return line;
    }

    /** 1-based column, or 0 when unknown (only YAML syntax errors know it). */
    public int column() {
        return column;
    }

    /** Path of the offending field, e.g. {@code dependencies[3].to}; empty when the problem is the whole file. */
    public String field() {
        return field;
    }

    /** The problem without the location prefix. */
    public String problem() {
        return problem;
    }
}
