package dev.firebreak.engine.incident;

import dev.firebreak.engine.lifecycle.Transitions;

/** Where an incident is in its lifecycle; {@link #TRANSITIONS} lists every legal move. */
public enum IncidentState {
    DETECTED, TRIAGED, INVESTIGATING, MITIGATING, MONITORING, RESOLVED, CLOSED,
    /** Closed as a false alarm: nothing was wrong. */
    CANCELLED;

    /**
     * The lifecycle: forward through triage, investigation, mitigation and monitoring (steps may be skipped when
     * the work is already done, and an incident may resolve on its own from any working state); back from
     * monitoring when the fix did not hold; reopened from resolved or closed; cancelled as a false alarm before
     * it is resolved.
     */
    public static final Transitions<IncidentState> TRANSITIONS = Transitions.of(IncidentState.class)
            .allow(DETECTED, TRIAGED, INVESTIGATING, MITIGATING, RESOLVED, CANCELLED)
            .allow(TRIAGED, INVESTIGATING, MITIGATING, RESOLVED, CANCELLED)
            .allow(INVESTIGATING, MITIGATING, MONITORING, RESOLVED, CANCELLED)
            .allow(MITIGATING, INVESTIGATING, MONITORING, RESOLVED)
            .allow(MONITORING, INVESTIGATING, MITIGATING, RESOLVED)
            .allow(RESOLVED, INVESTIGATING, CLOSED)
            .allow(CLOSED, INVESTIGATING)
            .allow(CANCELLED, INVESTIGATING)
            .build();

    /** Whether work on it goes on: not resolved, closed or cancelled. */
    public boolean isOpen() {
        return this != RESOLVED && this != CLOSED && this != CANCELLED;
    }
}
