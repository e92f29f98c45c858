package dev.firebreak.app.wiring;

import dev.firebreak.views.session.HealingDesk;
import dev.firebreak.views.session.RunbookDesk;

/**
 * The runbook and healing desks of whichever session the console runs now, for the API (the runs and HALT themselves
 * live in the database and carry over a topology switch).
 */
final class CurrentRunbookDesk {

    private final CurrentPort<RunbookDesk> runbooks = new CurrentPort<>(RunbookDesk.class);
    private final CurrentPort<HealingDesk> healing = new CurrentPort<>(HealingDesk.class);

    void use(RunbookDesk desk) {
        runbooks.use(desk);
    }

    void use(HealingDesk desk) {
        healing.use(desk);
    }

    /** A healing desk (HALT among it) that always speaks for the current session. */
    HealingDesk healing() {
        return healing.view();
    }

    /** A runbook desk that always speaks for the current session. */
    RunbookDesk desk() {
        return runbooks.view();
    }
}
