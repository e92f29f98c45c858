package dev.firebreak.engine.fault;

import dev.firebreak.engine.event.EngineEvent;
import java.time.Instant;

/** An injected fault began to act. */
public record FaultStarted(Instant at, ActiveFault fault) implements EngineEvent {
}
