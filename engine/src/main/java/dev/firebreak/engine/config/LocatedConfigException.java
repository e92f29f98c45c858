package dev.firebreak.engine.config;

import java.util.Objects;

/**
 * A configuration file (detection settings, health checks, notifications, escalation) that cannot be used. Every
 * one reports the same way, so a person finds the fault the same way in each: the message is
 * {@code file:line: field: problem}, e.g. {@code checks.yaml:7: checks[1].component: unknown component 'paymnts'},
 * without the line when the problem is not tied to one and without the field when none is at fault.
 */
public abstract class LocatedConfigException extends Exception {

    private static final long serialVersionUID = 1L;
    private final String sourceName;
    private final int line;
    private final String field;
    private final String problem;

    /**
     * @param sourceName the file or resource that was read
     * @param line       1-based line, or 0 when the problem is not tied to a line
     * @param field      path of the offending field; empty if none
     * @param problem    what is wrong, in plain words
     */
    protected LocatedConfigException(String sourceName, int line, String field, String problem) {
        super(Objects.requireNonNull(sourceName, "sourceName") + (line > 0 ? ":" + line : "") + ": "
                + (Objects.requireNonNull(field, "field").isEmpty() ? "" : field + ": ") + problem);
        this.sourceName = sourceName;
        this.line = line;
        this.field = field;
        this.problem = problem;
    }

    /** What is wrong, without the file, line and field. */
    public String problem() {
        return problem;
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
