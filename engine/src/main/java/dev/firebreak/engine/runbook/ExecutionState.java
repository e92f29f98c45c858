package dev.firebreak.engine.runbook;

import dev.firebreak.engine.lifecycle.Transitions;

/** Where an execution stands. {@link #TABLE} lists the legal moves. */
public enum ExecutionState {
    PENDING, RUNNING, WAITING_FOR_APPROVAL, PAUSED, SUCCEEDED, FAILED, ABORTED, ROLLED_BACK, INTERRUPTED;

    public static final Transitions<ExecutionState> TABLE = Transitions.of(ExecutionState.class)
            .allow(PENDING, RUNNING, ABORTED)
            .allow(RUNNING, WAITING_FOR_APPROVAL, PAUSED, SUCCEEDED, FAILED, ABORTED, ROLLED_BACK, INTERRUPTED)
            .allow(WAITING_FOR_APPROVAL, RUNNING, PAUSED, ABORTED)
            .allow(PAUSED, RUNNING, ABORTED)
            .allow(INTERRUPTED, RUNNING, ABORTED)
            .build();

    public boolean isFinal() {
        return TABLE.isFinal(this);
    }
}
