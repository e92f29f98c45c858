package dev.firebreak.engine.runbook;

/** A request a person made that the engine will not carry out (wrong state, same approver twice, expired approval...). */
public final class ExecutionRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ExecutionRefusedException(String message) {
        super(message);
    }
}
