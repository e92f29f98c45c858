package dev.firebreak.engine.check;

import java.util.Objects;

/** One named step of a scripted flow: a probe whose pass is the step's expectation. */
public record FlowStep(String name, Probe probe) {
    public FlowStep {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(probe, "probe");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a flow step needs a name");
        }
    }
}
