package dev.firebreak.engine.heal;

import dev.firebreak.engine.event.EngineEvent;
import java.time.Instant;
import java.util.Objects;

/** A healing action started, moved on, or ended. */
public record HealingChanged(Instant at, HealingAction action) implements EngineEvent {
    public HealingChanged {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(action, "action");
    }
}
