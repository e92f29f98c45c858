package dev.firebreak.engine.change;

import dev.firebreak.engine.event.EngineEvent;
import java.time.Instant;
import java.util.Objects;

/**
 * A change to a component (deployment, config change, rollback...). Root-cause analysis correlates
 * these with anomalies, so the versions before and after are kept.
 */
public record ChangeEvent(Instant at, String componentId, ChangeKind kind, String fromVersion, String toVersion,
        String author, String description) implements EngineEvent {
    public ChangeEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(componentId, "componentId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(fromVersion, "fromVersion");
        Objects.requireNonNull(toVersion, "toVersion");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(description, "description");
    }
}
