package dev.firebreak.engine.event;

import java.time.Instant;

/**
 * Something the engine tells its observers. Every event carries the engine time at which it
 * happened (simulated time when the simulator is the source), never the wall-clock time of delivery.
 *
 * <p>Concrete events live in the package of the capability that emits them
 * ({@code health.ComponentHealthChanged}, {@code fault.FaultStarted}, ...), so this package depends
 * on nothing and every capability can publish without package cycles.
 */
public interface EngineEvent {
    Instant at();
}
