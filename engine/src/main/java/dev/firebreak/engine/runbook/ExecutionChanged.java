package dev.firebreak.engine.runbook;

import dev.firebreak.engine.event.EngineEvent;
import java.time.Instant;
import java.util.Objects;

/** An execution moved: its state, a step's state, an approval. Carries the snapshot as stored. */
public record ExecutionChanged(Instant at, Execution execution) implements EngineEvent {
    public ExecutionChanged {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(execution, "execution");
    }
}
