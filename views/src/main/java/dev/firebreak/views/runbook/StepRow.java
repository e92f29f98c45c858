package dev.firebreak.views.runbook;

import dev.firebreak.engine.runbook.RunbookStep;
import dev.firebreak.engine.runbook.StepRun;

/**
 * One step of a run as the step-through lists it: the step as written in the run's runbook and where it stands.
 *
 * @param number  1-based position in the runbook
 * @param current whether the run is at this step
 */
public record StepRow(int number, RunbookStep step, StepRun run, boolean current) {

    /** "2. Restart checkout". */
    public String title() {
        return number + ". " + step.title();
    }

    /** "✔ succeeded · approved by bob" / "◑ waiting for approval · 1 of 2 approvals". */
    public String status() {
        StringBuilder text = new StringBuilder(RunStates.label(run.state()));
        if (run.attempts() > 1) {
            text.append(" · attempt ").append(run.attempts());
        }
        if (!run.approvals().isEmpty()) {
            text.append(" · approved by ").append(String.join(", ", run.approvals().stream().map(a -> a.person()).toList()));
        }
        return text.toString();
    }
}
