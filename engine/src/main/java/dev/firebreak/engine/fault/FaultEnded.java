package dev.firebreak.engine.fault;

import dev.firebreak.engine.event.EngineEvent;
import java.time.Instant;

/** A fault stopped acting: its duration ran out or someone cancelled it. */
public record FaultEnded(Instant at, ActiveFault fault, boolean cancelled) implements EngineEvent {
}
