package dev.firebreak.engine.assess;

import dev.firebreak.engine.event.EngineEvent;
import dev.firebreak.engine.health.HealthState;
import java.time.Instant;
import java.util.Objects;

/**
 * A component's assessed health (detection and checks combined, ADR 0025) moved from one state to another. Kept
 * apart from {@code health.ComponentHealthChanged}, which is detection's alone, so a reader of either knows what
 * it holds.
 */
public record AssessedHealthChanged(Instant at, String componentId, HealthState from, HealthAssessment assessment)
        implements EngineEvent {

    public AssessedHealthChanged {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(componentId, "componentId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(assessment, "assessment");
        if (from == assessment.state()) {
            throw new IllegalArgumentException("a health change needs two different states, got " + from);
        }
    }

    public HealthState to() {
        return assessment.state();
    }
}
