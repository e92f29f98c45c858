package dev.firebreak.engine.action;

import dev.firebreak.engine.event.EngineEvent;
import java.time.Instant;

/** An action was executed (or refused), with its result. */
public record ActionApplied(Instant at, RemediationAction action, ActionResult result) implements EngineEvent {
}
