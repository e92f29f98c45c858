package dev.firebreak.engine.lifecycle;

import java.util.List;

/** A move its machine's table does not list; the message names both states and what was allowed. */
public final class IllegalTransitionException extends IllegalStateException {

    private static final long serialVersionUID = 1L;
    private final String from;
    private final String to;

    public IllegalTransitionException(String machine, String from, String to, List<String> allowed) {
        super(machine + ": illegal transition from " + from + " to " + to + "; from " + from + " "
                + (allowed.isEmpty() ? "nothing is allowed (final state)" : "only " + String.join(", ", allowed) + " allowed"));
        this.from = from;
        this.to = to;
    }

    public String from() {
        return from;
    }

    public String to() {
        return to;
    }
}
