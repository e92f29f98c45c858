package dev.firebreak.engine.runbook;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A run's result as learning counts it: from an execution here, or reported through the API for a run elsewhere. */
public record RunbookOutcome(String runbookId, boolean succeeded, String faultKind, Duration duration, String actor,
        Instant at) {
    public RunbookOutcome {
        Objects.requireNonNull(runbookId, "runbookId");
        faultKind = faultKind == null ? "" : faultKind;
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration must not be negative");
        }
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(at, "at");
    }
}
