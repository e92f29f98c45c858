package dev.firebreak.engine.check;

/** How one probe attempt ended. */
public enum ProbeOutcome {
    PASS,
    /** The target answered, or refused, and the answer was wrong. */
    FAIL,
    /** No complete answer within the timeout; the attempt was abandoned. */
    TIMEOUT;

    public boolean passed() {
        return this == PASS;
    }
}
