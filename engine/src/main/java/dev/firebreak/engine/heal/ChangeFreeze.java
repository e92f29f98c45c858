package dev.firebreak.engine.heal;

import java.time.Instant;
import java.util.Objects;

/** A window in which no healing action runs (a release, a sale, an audit), with why. */
public record ChangeFreeze(Instant from, Instant to, String reason) {
    public ChangeFreeze {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(reason, "reason");
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("a change freeze ends after it starts (" + from + " .. " + to + ")");
        }
        if (reason.isBlank()) {
            throw new IllegalArgumentException("a change freeze needs a reason");
        }
    }

    public boolean covers(Instant at) {
        return !at.isBefore(from) && at.isBefore(to);
    }
}
