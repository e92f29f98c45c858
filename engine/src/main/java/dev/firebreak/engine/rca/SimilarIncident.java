package dev.firebreak.engine.rca;

import java.util.Objects;

/**
 * A past incident that resembles the one diagnosed.
 *
 * @param incident   the past incident, with its cause, kind and resolution
 * @param similarity Jaccard index of the two signatures, in (0, 1]
 */
public record SimilarIncident(PastIncident incident, double similarity) {
    public SimilarIncident {
        Objects.requireNonNull(incident, "incident");
        if (!(similarity > 0 && similarity <= 1)) {
            throw new IllegalArgumentException("similarity must be in (0, 1], was " + similarity);
        }
    }
}
