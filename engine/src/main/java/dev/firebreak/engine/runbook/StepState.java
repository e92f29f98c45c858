package dev.firebreak.engine.runbook;

import dev.firebreak.engine.lifecycle.Transitions;

/** Where one step of an execution stands. {@link #TABLE} lists the legal moves. */
public enum StepState {
    PENDING, WAITING_FOR_APPROVAL, RUNNING, SUCCEEDED, FAILED, SKIPPED, DENIED, INTERRUPTED, ROLLED_BACK,
    ROLLBACK_FAILED;

    public static final Transitions<StepState> TABLE = Transitions.of(StepState.class)
            .allow(PENDING, WAITING_FOR_APPROVAL, RUNNING, SUCCEEDED, FAILED, SKIPPED)
            .allow(WAITING_FOR_APPROVAL, RUNNING, SUCCEEDED, FAILED, SKIPPED, DENIED)
            .allow(RUNNING, SUCCEEDED, FAILED, INTERRUPTED)
            .allow(FAILED, PENDING, SKIPPED)
            .allow(INTERRUPTED, PENDING, SKIPPED)
            .allow(DENIED, PENDING, SKIPPED)
            .allow(SUCCEEDED, ROLLED_BACK, ROLLBACK_FAILED)
            .build();
}
