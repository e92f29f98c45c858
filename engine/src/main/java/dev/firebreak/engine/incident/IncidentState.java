package dev.firebreak.engine.incident;

import dev.firebreak.engine.lifecycle.Transitions;

/** Where an incident is in its lifecycle; {@link #TRANSITIONS} lists every legal move. */
public enum IncidentState {
    DETECTED, TRIAGED, INVESTIGATING, MITIGATING, MONITORING, RESOLVED, CLOSED,
    /** Closed as a false alarm: nothing was wrong. */
    CANCELLED,
    /**
     * Folded into an older incident once the two were seen to touch the same components (one fault seen from two
     * ends); its timeline names which. Only the engine merges, and a merged incident stays merged.
     */
    MERGED;

    /**
     * The lifecycle: forward through triage, investigation, mitigation and monitoring (steps may be skipped when
     * the work is already done, and an incident may resolve on its own from any working state); back from
     * monitoring when the fix did not hold; reopened from resolved or closed; cancelled as a false alarm before
     * it is resolved.
     */
    public static final Transitions<IncidentState> TRANSITIONS = Transitions.of(IncidentState.class)
            .allow(DETECTED, TRIAGED, INVESTIGATING, MITIGATING, RESOLVED, CANCELLED, MERGED)
            .allow(TRIAGED, INVESTIGATING, MITIGATING, RESOLVED, CANCELLED, MERGED)
            .allow(INVESTIGATING, MITIGATING, MONITORING, RESOLVED, CANCELLED, MERGED)
            .allow(MITIGATING, INVESTIGATING, MONITORING, RESOLVED, MERGED)
            .allow(MONITORING, INVESTIGATING, MITIGATING, RESOLVED, MERGED)
            .allow(RESOLVED, INVESTIGATING, CLOSED)
            .allow(CLOSED, INVESTIGATING)
            .allow(CANCELLED, INVESTIGATING)
            .build();

    /** Whether work on it goes on: not resolved, closed, cancelled or merged. */
    public boolean isOpen() {
        return this != RESOLVED && this != CLOSED && this != CANCELLED && this != MERGED;
    }

    /** The moves a person may make from {@code state}: the legal ones, less merging (the engine's alone). */
    public static java.util.Set<IncidentState> movesFor(IncidentState state) {
        java.util.EnumSet<IncidentState> moves = java.util.EnumSet.noneOf(IncidentState.class);
        moves.addAll(TRANSITIONS.from(state));
        moves.remove(MERGED);
        return moves;
    }
}
