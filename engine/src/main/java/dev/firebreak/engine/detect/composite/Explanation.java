package dev.firebreak.engine.detect.composite;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Why a component got its score: the detectors that fired (each with observed value and expected band)
 * and each family's contribution.
 */
public record Explanation(List<Finding> fired, List<FamilyContribution> contributions) {

    public Explanation {
        fired = List.copyOf(Objects.requireNonNull(fired, "fired"));
        Objects.requireNonNull(contributions, "contributions");
        // the scorer's own compact form is immutable already; copying it would make the records it avoids
        contributions = contributions instanceof FamilyContributions ? contributions : List.copyOf(contributions);
    }

    /** A few lines a person can read in a tooltip or a log. */
    public String summary() {
        String detectors = fired.isEmpty() ? "no detector fired"
                : fired.stream().map(f -> f.series() + ": " + f.output().kind().label() + ", " + f.output().reason())
                        .collect(Collectors.joining("; "));
        String parts = contributions.stream().filter(c -> c.weight() > 0)
                .map(c -> String.format(Locale.ROOT, "%s %.2f×%.2f=%.2f", c.family().name().toLowerCase(Locale.ROOT),
                        c.weight(), c.score(), c.contribution()))
                .collect(Collectors.joining(", "));
        return detectors + " | " + parts;
    }
}
