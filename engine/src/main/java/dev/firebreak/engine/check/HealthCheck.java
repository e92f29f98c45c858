package dev.firebreak.engine.check;

import java.util.Objects;

/**
 * A probe of one component at one tier.
 *
 * @param id          unique among the scheduler's checks
 * @param componentId the component the check speaks for
 * @param tier        its tier, which sets its interval, timeout and retries
 * @param probe       what it runs
 */
public record HealthCheck(String id, String componentId, CheckTier tier, Probe probe) {
    public HealthCheck {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(componentId, "componentId");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(probe, "probe");
        if (id.isBlank()) {
            throw new IllegalArgumentException("a health check needs an id");
        }
    }
}
