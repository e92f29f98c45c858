package dev.firebreak.engine.rca;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A person's verdict on a diagnosed cause: what similarity learns from.
 *
 * @param incidentId the incident
 * @param reference  how people name it ("INC-0007")
 * @param component  the cause confirmed or rejected
 * @param kind       the fault kind the diagnosis gave it
 * @param confirmed  true if confirmed, false if rejected
 * @param actor      who said so
 * @param at         when (engine time)
 * @param signature  what moved in that incident, as the diagnosis recorded it
 */
public record Feedback(long incidentId, String reference, String component, String kind, boolean confirmed, String actor,
        Instant at, Set<String> signature) {
    public Feedback {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(at, "at");
        signature = Set.copyOf(signature);
        if (actor.isBlank()) {
            throw new IllegalArgumentException("feedback needs the name of who gave it");
        }
    }

    /** As a past incident for the similarity method. */
    public PastIncident asPastIncident() {
        return new PastIncident(reference, signature, component, kind, "", confirmed);
    }
}
