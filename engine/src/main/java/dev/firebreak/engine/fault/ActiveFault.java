package dev.firebreak.engine.fault;

import java.util.Objects;

/** An injected fault and the id to cancel it with. */
public record ActiveFault(long id, FaultSpec spec) {
    public ActiveFault {
        Objects.requireNonNull(spec, "spec");
    }
}
