package dev.firebreak.engine.runbook;

/** How much a person is asked before each step runs. */
public enum ExecutionMode {
    /** No step waits for approval (healing's gates decided before the run); manual steps still wait for a person. */
    AUTOMATIC,
    /** Every step waits for approval. */
    STEP_BY_STEP,
    /** Only steps marked {@code approval: true} or {@code critical: true} wait. */
    APPROVAL_ONLY,
    /** Renders exactly what each step would execute and runs nothing. */
    DRY_RUN
}
