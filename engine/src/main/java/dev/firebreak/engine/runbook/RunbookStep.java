package dev.firebreak.engine.runbook;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One step as written. {@code condition} is the branch of a DECISION (then {@code onTrue} / {@code onFalse} name the
 * step to go to; absent means the next one) or the assertion of a VALIDATION (held for {@code hold}, polled until
 * {@code timeout}). {@code undo} lists the steps a ROLLBACK step rolls back (empty: every succeeded step before it).
 */
public record RunbookStep(String id, String title, StepType type, StepAction action, Optional<Condition> condition,
        Optional<String> onTrue, Optional<String> onFalse, Duration timeout, int retries, Duration retryDelay,
        boolean approval, boolean critical, Optional<StepAction> rollback, String expect, Duration hold,
        List<String> undo) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

    public RunbookStep {
        Objects.requireNonNull(id, "id");
        if (!id.matches("[A-Za-z0-9][A-Za-z0-9_-]*")) {
            throw new IllegalArgumentException("step id '" + id + "' must be letters, digits, - and _");
        }
        title = title == null || title.isBlank() ? id : title;
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(onTrue, "onTrue");
        Objects.requireNonNull(onFalse, "onFalse");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        if (retries < 0 || retries > 10) {
            throw new IllegalArgumentException("retries must be in [0, 10], was " + retries);
        }
        Objects.requireNonNull(retryDelay, "retryDelay");
        if (retryDelay.isNegative()) {
            throw new IllegalArgumentException("retryDelay must not be negative");
        }
        Objects.requireNonNull(rollback, "rollback");
        expect = expect == null ? "" : expect;
        Objects.requireNonNull(hold, "hold");
        if (hold.isNegative() || hold.compareTo(timeout) > 0) {
            throw new IllegalArgumentException("hold must be between 0 and the timeout (" + timeout + "), was " + hold);
        }
        undo = List.copyOf(Objects.requireNonNull(undo, "undo"));
        switch (type) {
            case COMMAND -> require(action instanceof StepAction.Command || action instanceof StepAction.Kubectl
                    || action instanceof StepAction.Simulator, "a COMMAND step needs command, kubectl or simulator");
            case SCRIPT -> require(action instanceof StepAction.Command, "a SCRIPT step needs script");
            case API_CALL -> require(action instanceof StepAction.Http, "an API_CALL step needs request");
            case MANUAL -> require(action instanceof StepAction.Manual, "a MANUAL step needs instructions");
            case DECISION -> require(action instanceof StepAction.None && condition.isPresent(), "a DECISION step needs a condition");
            case VALIDATION -> require(condition.isPresent() || !(action instanceof StepAction.None)
                    && !(action instanceof StepAction.Manual), "a VALIDATION step needs a condition or something to run");
            case ROLLBACK -> require(action instanceof StepAction.None, "a ROLLBACK step runs the rollbacks of earlier steps only");
        }
        if ((onTrue.isPresent() || onFalse.isPresent()) && type != StepType.DECISION) {
            throw new IllegalArgumentException("then/else belong to DECISION steps");
        }
        if (!undo.isEmpty() && type != StepType.ROLLBACK) {
            throw new IllegalArgumentException("undo belongs to ROLLBACK steps");
        }
        // Nothing else reads them: a condition on a COMMAND would look like a guard and guard nothing.
        if (condition.isPresent() && type != StepType.DECISION && type != StepType.VALIDATION) {
            throw new IllegalArgumentException("condition belongs to DECISION and VALIDATION steps");
        }
        if (!hold.isZero() && (type != StepType.VALIDATION || condition.isEmpty())) {
            throw new IllegalArgumentException("hold belongs to VALIDATION steps with a condition");
        }
    }

    private static void require(boolean holds, String problem) {
        if (!holds) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** Whether this step waits for a person in {@code mode} before it runs. */
    public boolean waitsForPerson(ExecutionMode mode) {
        if (type == StepType.MANUAL) {
            return true;
        }
        if (type == StepType.DECISION) {
            return false;
        }
        return switch (mode) {
            case AUTOMATIC, DRY_RUN -> false;
            case STEP_BY_STEP -> type != StepType.DECISION;
            case APPROVAL_ONLY -> approval || critical;
        };
    }

    /** Approvals needed before it runs: two distinct people for a critical step. */
    public int approvalsNeeded() {
        return critical ? 2 : 1;
    }
}
