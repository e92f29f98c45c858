package dev.firebreak.engine.check;

import dev.firebreak.engine.event.EngineEvent;
import dev.firebreak.engine.health.HealthState;
import java.time.Instant;
import java.util.Objects;

/**
 * The health that a component's checks give changed. Separate from {@code health.ComponentHealthChanged}
 * (which detection owns) so the app decides how check results and detection combine.
 */
public record CheckedHealthChanged(Instant at, String componentId, HealthState from, HealthVerdict verdict)
        implements EngineEvent {
    public CheckedHealthChanged {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(componentId, "componentId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(verdict, "verdict");
    }

    public HealthState to() {
        return verdict.state();
    }
}
