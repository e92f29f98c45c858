package dev.firebreak.engine.detect.composite;

import dev.firebreak.engine.detect.Severity;
import java.util.Objects;

/** A component's combined anomaly score at one instant, its severity and the explanation. */
public record CompositeScore(double score, Severity severity, Explanation explanation) {

    public static final CompositeScore NONE = new CompositeScore(0, Severity.NONE,
            new Explanation(java.util.List.of(), java.util.List.of()));

    public CompositeScore {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(explanation, "explanation");
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("composite score must be in [0, 1], was " + score);
        }
    }
}
