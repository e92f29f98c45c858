package dev.firebreak.engine.runbook;

import dev.firebreak.engine.event.EngineEvent;
import java.time.Instant;
import java.util.Objects;

/** One line of a running step's output, as the executor reads it. */
public record StepOutputLine(Instant at, long executionId, String stepId, String line) implements EngineEvent {
    public StepOutputLine {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(stepId, "stepId");
        Objects.requireNonNull(line, "line");
    }
}
