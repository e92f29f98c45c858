package dev.firebreak.engine.heal;

import java.time.Instant;
import java.util.Objects;

/** One press or release of the emergency stop: who, when, why. */
public record HaltRecord(Instant at, String person, boolean latched, String reason) {
    public HaltRecord {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(reason, "reason");
        if (person.isBlank()) {
            throw new IllegalArgumentException("HALT needs the name of the person pressing or releasing it");
        }
        if (reason.isBlank()) {
            throw new IllegalArgumentException((latched ? "pressing" : "releasing") + " HALT needs a reason");
        }
    }
}
