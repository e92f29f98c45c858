package dev.firebreak.bench.accuracy;

import dev.firebreak.engine.health.HealthState;
import java.time.Instant;
import java.util.Objects;

/**
 * One change of a component's health as the detection under test sees it.
 *
 * @param at          simulated time of the change
 * @param componentId the component
 * @param to          its health from then on
 */
public record HealthRecord(Instant at, String componentId, HealthState to) {

    public HealthRecord {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(componentId, "componentId");
        Objects.requireNonNull(to, "to");
    }
}
