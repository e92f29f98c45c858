package dev.firebreak.engine.check;

import dev.firebreak.engine.event.EngineEvent;
import java.time.Instant;
import java.util.Objects;

/**
 * A health check ran (with its retries).
 *
 * @param attempts attempts made: 1 if the first passed, up to 1 + the tier's retries
 */
public record HealthCheckCompleted(Instant at, String componentId, String checkId, CheckTier tier, ProbeResult result,
        int attempts) implements EngineEvent {
    public HealthCheckCompleted {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(componentId, "componentId");
        Objects.requireNonNull(checkId, "checkId");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(result, "result");
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be >= 1, was " + attempts);
        }
    }
}
