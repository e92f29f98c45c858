package dev.firebreak.engine.assess;

import dev.firebreak.engine.event.EngineEvent;
import java.time.Instant;
import java.util.Objects;

/**
 * A component's assessed health kept its state but changed how urgent it is: most often a degradation only the
 * checks saw ({@code LOW}) that detection now sees too, which is the moment users start to feel it. Apart from
 * {@link AssessedHealthChanged} so that event keeps meaning "the state moved".
 */
public record AssessedSeverityChanged(Instant at, String componentId, HealthAssessment assessment) implements EngineEvent {

    public AssessedSeverityChanged {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(componentId, "componentId");
        Objects.requireNonNull(assessment, "assessment");
    }
}
