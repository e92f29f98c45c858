package dev.firebreak.views.runbook;

import dev.firebreak.engine.runbook.Execution;
import dev.firebreak.engine.runbook.ExecutionState;
import dev.firebreak.engine.runbook.StepRun;
import dev.firebreak.engine.runbook.StepState;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * What a person can do to a run, and which of it the engine would accept now. The step-through offers only these, so a
 * button is never there just to be refused; the engine still checks (another console may have moved the run).
 */
public enum RunAction {
    APPROVE, DENY, SKIP, RETRY, ROLL_BACK, ABORT, RESUME;

    /** The actions {@code execution} takes in its current state (mirrors the engine's checks and state tables). */
    public static Set<RunAction> legal(Execution execution) {
        ExecutionState state = execution.state();
        if (state.isFinal()) {
            return EnumSet.noneOf(RunAction.class);
        }
        Set<RunAction> legal = EnumSet.of(ABORT);
        // while the engine drives the run (a step is running), a person can only ask it to stop
        if (state == ExecutionState.RUNNING || state == ExecutionState.PENDING) {
            return legal;
        }
        Optional<StepRun> step = execution.currentStep();
        StepState stepState = step.map(StepRun::state).orElse(null);
        if (state == ExecutionState.WAITING_FOR_APPROVAL && stepState == StepState.WAITING_FOR_APPROVAL) {
            legal.add(APPROVE);
            legal.add(DENY);
        }
        if (stepState != null && stepState != StepState.RUNNING && StepState.TABLE.allows(stepState, StepState.SKIPPED)) {
            legal.add(SKIP);
        }
        if (stepState != null && StepState.TABLE.allows(stepState, StepState.PENDING)) {
            legal.add(RETRY);
        }
        if (hasSomethingToUndo(execution)) {
            legal.add(ROLL_BACK);
        }
        if ((state == ExecutionState.PAUSED || state == ExecutionState.INTERRUPTED)
                && (stepState == null || stepState == StepState.PENDING || stepState == StepState.WAITING_FOR_APPROVAL)) {
            legal.add(RESUME);
        }
        return legal;
    }

    /**
     * Whether a roll back would undo anything: a succeeded step before the current one with a rollback. The engine
     * accepts a roll back with nothing to undo, but offering it then would only end the run under a misleading name.
     */
    static boolean hasSomethingToUndo(Execution execution) {
        for (int i = 0; i < Math.min(execution.current(), execution.steps().size()); i++) {
            if (execution.steps().get(i).state() == StepState.SUCCEEDED
                    && execution.runbook().steps().get(i).rollback().isPresent()) {
                return true;
            }
        }
        return false;
    }
}
