package dev.firebreak.engine.health;

import dev.firebreak.engine.event.EngineEvent;
import java.time.Instant;
import java.util.Objects;

/** A component moved from one health state to another, and why (in words a person can read). */
public record ComponentHealthChanged(Instant at, String componentId, HealthState from, HealthState to, String reason)
        implements EngineEvent {
    public ComponentHealthChanged {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(componentId, "componentId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(reason, "reason");
        if (from == to) {
            throw new IllegalArgumentException("a health change needs two different states, got " + from);
        }
    }
}
