package dev.firebreak.engine.rca;

import java.util.Objects;
import java.util.Set;

/**
 * An earlier incident whose cause a person confirmed or rejected: what moved, what it was, how it was fixed.
 *
 * @param reference  how people name it ("INC-0007")
 * @param signature  the (node, metric) pairs that moved, as {@link Diagnosis#signature()} writes them
 * @param cause      the node a person confirmed (or rejected) as the cause
 * @param kind       the fault kind that was diagnosed
 * @param resolution what fixed it, in words; empty if nobody said
 * @param confirmed  true if the cause was confirmed, false if it was rejected
 */
public record PastIncident(String reference, Set<String> signature, String cause, String kind, String resolution,
        boolean confirmed) {
    public PastIncident {
        Objects.requireNonNull(reference, "reference");
        signature = Set.copyOf(signature);
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(resolution, "resolution");
    }
}
