package dev.firebreak.engine.rca;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The ranked causes of one symptom, best first.
 *
 * @param symptom   what was explained
 * @param causes    every node that could be blamed, best first (anomalous or not)
 * @param signature which (node, metric) pairs moved, as "node/metric": what similarity compares with later
 * @param notes     what the analysis could not use and why (a metric missing, no normal period), for the reader
 * @param similar   past incidents that resemble this one, most similar first, with their cause and resolution
 */
public record Diagnosis(Symptom symptom, List<Cause> causes, Set<String> signature, List<String> notes,
        List<SimilarIncident> similar) {
    public Diagnosis {
        similar = List.copyOf(similar);
        Objects.requireNonNull(symptom, "symptom");
        causes = List.copyOf(causes);
        signature = Set.copyOf(signature);
        notes = List.copyOf(notes);
    }

    public Optional<Cause> top() {
        return causes.isEmpty() ? Optional.empty() : Optional.of(causes.getFirst());
    }

    /** Ranks from 1; 0 if the node is not among the causes. */
    public int rankOf(String component) {
        for (int i = 0; i < causes.size(); i++) {
            if (causes.get(i).component().equals(component)) {
                return i + 1;
            }
        }
        return 0;
    }

    public static String signatureKey(String node, String metric) {
        return node + "/" + metric;
    }
}
