package dev.firebreak.engine.health;

/**
 * A component's health, as the seeds define it. Ordered from best to worst except
 * {@link #RECOVERING}, which sits between degraded and healthy: the component was worse and is
 * getting better, so a person should still look but need not act.
 */
public enum HealthState {
    HEALTHY(0),
    RECOVERING(1),
    DEGRADED(2),
    CRITICAL(3),
    FAILED(4);

    private final int severity;

    HealthState(int severity) {
        this.severity = severity;
    }

    /** Higher is worse; used to pick the worst state of a group and to sort. */
    public int severity() {
        return severity;
    }

    /** The state of a {@link #severity()}, 0 (healthy) to 4 (failed). */
    public static HealthState ofSeverity(int severity) {
        for (HealthState state : values()) {
            if (state.severity == severity) {
                return state;
            }
        }
        throw new IllegalArgumentException("health severity must be between 0 and 4, was " + severity);
    }

    public boolean isWorseThan(HealthState other) {
        return severity > other.severity;
    }
}
