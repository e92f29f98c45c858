package dev.firebreak.engine.telemetry;

import dev.firebreak.engine.event.EngineEvent;
import java.time.Instant;

/**
 * A new sample of every series up to {@code epochSecond} is in the store. Observers read what they
 * need from the store rather than receiving thousands of numbers in the event.
 */
public record MetricsTicked(Instant at, long epochSecond) implements EngineEvent {
}
