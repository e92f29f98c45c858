package dev.firebreak.engine.heal;

import dev.firebreak.engine.event.EngineEvent;
import java.time.Instant;
import java.util.Objects;

/** Healing went through its decision chain (whatever it concluded). */
public record HealingDecided(Instant at, HealingDecision decision) implements EngineEvent {
    public HealingDecided {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(decision, "decision");
    }
}
