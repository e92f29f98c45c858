package dev.firebreak.engine.heal;

import java.time.Instant;

/** Hands an incident to a person through its escalation policy when healing cannot or did not help. */
@FunctionalInterface
public interface Escalator {

    Escalator NONE = (incidentId, at, reason) -> { };

    void escalate(long incidentId, Instant at, String reason);
}
