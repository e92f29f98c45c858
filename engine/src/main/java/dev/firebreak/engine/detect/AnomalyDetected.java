package dev.firebreak.engine.detect;

import dev.firebreak.engine.detect.composite.Explanation;
import dev.firebreak.engine.event.EngineEvent;
import java.time.Instant;
import java.util.Objects;

/**
 * Detection found a component anomalous, or found it worse than when last reported. Published once per
 * episode and again on each escalation, not on every tick.
 */
public record AnomalyDetected(Instant at, String componentId, Severity severity, double score,
        Explanation explanation) implements EngineEvent {
    public AnomalyDetected {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(componentId, "componentId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(explanation, "explanation");
    }
}
