package dev.firebreak.views.runbook;

import dev.firebreak.engine.runbook.Runbook;

/**
 * Where the runbook screens send the person next, wherever they were opened from (the library, an incident): the
 * console implements it by switching to the runs tab, or by reading the library again after a save.
 */
public interface RunbookNavigation {

    /** Goes nowhere: screens shown on their own (tests, a dialog without a console). */
    RunbookNavigation NONE = new RunbookNavigation() {
        @Override
        public void openRun(long executionId) {
        }

        @Override
        public void runbookSaved(Runbook runbook) {
        }
    };

    /** Shows a run in the step-through. */
    void openRun(long executionId);

    /** A runbook was saved: the library shows it. */
    void runbookSaved(Runbook runbook);
}
