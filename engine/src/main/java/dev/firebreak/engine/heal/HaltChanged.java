package dev.firebreak.engine.heal;

import dev.firebreak.engine.event.EngineEvent;
import java.time.Instant;
import java.util.Objects;

/** The emergency stop was latched or released. */
public record HaltChanged(Instant at, HaltRecord record) implements EngineEvent {
    public HaltChanged {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(record, "record");
    }
}
