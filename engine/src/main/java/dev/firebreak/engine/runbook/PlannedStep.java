package dev.firebreak.engine.runbook;

import java.util.Objects;
import java.util.Optional;

/**
 * One step of a dry run: exactly what it would execute (values of earlier steps' outputs shown as placeholders), how
 * many approvals it would wait for, what its rollback would execute, or what stops it from rendering.
 */
public record PlannedStep(String stepId, String title, StepType type, String rendered, int approvals,
        Optional<String> rollback, Optional<String> problem) {
    public PlannedStep {
        Objects.requireNonNull(stepId, "stepId");
        Objects.requireNonNull(rendered, "rendered");
        Objects.requireNonNull(rollback, "rollback");
        Objects.requireNonNull(problem, "problem");
    }
}
