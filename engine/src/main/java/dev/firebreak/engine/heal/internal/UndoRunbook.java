package dev.firebreak.engine.heal.internal;

import dev.firebreak.engine.runbook.Execution;
import dev.firebreak.engine.runbook.Runbook;
import dev.firebreak.engine.runbook.RunbookStep;
import dev.firebreak.engine.runbook.StepAction;
import dev.firebreak.engine.runbook.StepState;
import dev.firebreak.engine.runbook.StepType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The run that undoes a finished playbook run whose result verification failed: each succeeded step's rollback, newest
 * first, as a runbook of its own, so it goes through the same engine, store and journal as everything else.
 */
public final class UndoRunbook {

    private UndoRunbook() {
    }

    /** Empty when no succeeded step of {@code run} has a rollback. */
    public static Optional<Runbook> of(Execution run) {
        Runbook playbook = run.runbook();
        List<RunbookStep> steps = new ArrayList<>();
        for (int i = run.steps().size() - 1; i >= 0; i--) {
            RunbookStep step = playbook.steps().get(i);
            if (run.steps().get(i).state() != StepState.SUCCEEDED || step.rollback().isEmpty()) {
                continue;
            }
            StepAction undo = step.rollback().get();
            StepType type = undo instanceof StepAction.Http ? StepType.API_CALL : StepType.COMMAND;
            steps.add(new RunbookStep("undo-" + step.id(), "Undo: " + step.title(), type, undo, Optional.empty(),
                    Optional.empty(), Optional.empty(), step.timeout(), 1, Duration.ofSeconds(5), false, false,
                    Optional.empty(), "", Duration.ZERO, List.of()));
        }
        if (steps.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Runbook(playbook.id() + "-undo", "Undo " + playbook.title(), "Rolls back what run "
                + run.id() + " of " + playbook.id() + " did, newest first, because verification failed.", playbook.owner(),
                Runbook.Kind.DYNAMIC, playbook.tags(), List.of(), List.of(), List.of(), playbook.environments(),
                playbook.parameters(), List.of(), steps, playbook.directory(), ""));
    }
}
