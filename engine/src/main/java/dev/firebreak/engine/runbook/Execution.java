package dev.firebreak.engine.runbook;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One run of a runbook, as stored: the runbook exactly as it was when started (later edits reach a waiting run only
 * through {@link RunbookEngine#runbookChanged}), who started it where, its state, and every step's state.
 * {@code current} is the index of the step the run is at (equal to the step count once past the last).
 */
public record Execution(long id, Runbook runbook, ExecutionMode mode, String environment, String startedBy,
        Optional<Long> incidentId, Map<String, String> parameters, Map<String, String> labels, ExecutionState state,
        List<StepRun> steps, int current, Instant startedAt, Instant updatedAt, String message) {

    public Execution {
        Objects.requireNonNull(runbook, "runbook");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(startedBy, "startedBy");
        Objects.requireNonNull(incidentId, "incidentId");
        parameters = Map.copyOf(parameters);
        labels = Map.copyOf(labels);
        Objects.requireNonNull(state, "state");
        steps = List.copyOf(steps);
        if (steps.size() != runbook.steps().size()) {
            throw new IllegalArgumentException("an execution has one step run per runbook step");
        }
        if (current < 0 || current > steps.size()) {
            throw new IllegalArgumentException("current step " + current + " outside 0.." + steps.size());
        }
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        message = message == null ? "" : message;
    }

    public Optional<StepRun> currentStep() {
        return current < steps.size() ? Optional.of(steps.get(current)) : Optional.empty();
    }

    public StepRun step(String stepId) {
        return steps.get(indexOf(stepId));
    }

    public int indexOf(String stepId) {
        int index = runbook.indexOf(stepId);
        if (index < 0) {
            throw new IllegalArgumentException("runbook " + runbook.id() + " has no step '" + stepId + "'");
        }
        return index;
    }

    /** The same run in {@code next}, checked against {@link ExecutionState#TABLE}. */
    public Execution moveTo(ExecutionState next, Instant at, String why) {
        ExecutionState to = next == state ? state : ExecutionState.TABLE.check(state, next);
        return new Execution(id, runbook, mode, environment, startedBy, incidentId, parameters, labels, to, steps, current,
                startedAt, at, why);
    }

    public Execution withStep(int index, StepRun step, Instant at) {
        List<StepRun> list = new java.util.ArrayList<>(steps);
        list.set(index, step);
        return new Execution(id, runbook, mode, environment, startedBy, incidentId, parameters, labels, state, list, current,
                startedAt, at, message);
    }

    public Execution at(int index, Instant at) {
        return new Execution(id, runbook, mode, environment, startedBy, incidentId, parameters, labels, state, steps, index,
                startedAt, at, message);
    }

    public Execution withRunbook(Runbook changed) {
        return new Execution(id, changed, mode, environment, startedBy, incidentId, parameters, labels, state, steps, current,
                startedAt, updatedAt, message);
    }
}
