package dev.firebreak.engine.sim;

import dev.firebreak.engine.event.EngineEvent;
import dev.firebreak.engine.health.HealthState;
import java.time.Instant;
import java.util.Objects;

/**
 * The simulator's own judgement of a component changed: what its physics says the component really
 * is (from true error rate, latency, availability and saturation), not what detection concluded from
 * the metrics. Kept apart from {@code health.ComponentHealthChanged}, which is detection's verdict and
 * what the console shows, so that reports and accuracy tests can compare the two.
 */
public record SimulatedConditionChanged(Instant at, String componentId, HealthState from, HealthState to,
        String reason) implements EngineEvent {
    public SimulatedConditionChanged {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(componentId, "componentId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(reason, "reason");
        if (from == to) {
            throw new IllegalArgumentException("a condition change needs two different states, got " + from);
        }
    }
}
