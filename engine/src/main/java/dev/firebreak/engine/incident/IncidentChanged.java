package dev.firebreak.engine.incident;

import dev.firebreak.engine.event.EngineEvent;
import java.time.Instant;
import java.util.Objects;

/**
 * An incident opened, changed or resolved; {@code entry} is the timeline entry the change wrote. Subscribers
 * (the console, root cause, healing, notifications) read {@code incident} for the state after the change.
 *
 * @param at       engine time
 * @param kind     opened, updated or resolved
 * @param incident the incident after the change
 * @param entry    the timeline entry that records the change
 */
public record IncidentChanged(Instant at, Kind kind, Incident incident, TimelineEntry entry) implements EngineEvent {

    public enum Kind { OPENED, UPDATED, RESOLVED }

    public IncidentChanged {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(incident, "incident");
        Objects.requireNonNull(entry, "entry");
    }
}
