package dev.firebreak.engine.detect.composite;

import dev.firebreak.engine.detect.DetectorFamily;
import dev.firebreak.engine.detect.Severity;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * How detector scores become one score per component.
 *
 * @param weights        weight of each family, each 0..1, summing to 1 (the seed's 0.3 / 0.4 / 0.2 / 0.1)
 * @param mode           weighted sum of family scores, or the share of voting detectors that fired
 * @param confirmTicks   consecutive ticks a severity must last before it is reported, 1..60; one noisy
 *                       sample should not page anyone
 * @param reportAtLeast  lowest severity detection publishes as an anomaly ({@code AnomalyDetected})
 */
public record CompositeConfig(Map<DetectorFamily, Double> weights, Mode mode, int confirmTicks, Severity reportAtLeast) {

    /** Weighted sum as the seed describes, or a majority vote of the detectors that have an opinion. */
    public enum Mode { WEIGHTED, MAJORITY_VOTE }

    public static final int DEFAULT_CONFIRM_TICKS = 3;
    private static final double WEIGHT_SUM_TOLERANCE = 1e-6;

    public CompositeConfig {
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(reportAtLeast, "reportAtLeast");
        EnumMap<DetectorFamily, Double> copy = new EnumMap<>(DetectorFamily.class);
        double sum = 0;
        for (DetectorFamily family : DetectorFamily.values()) {
            Double weight = weights.get(family);
            if (weight == null || !(weight >= 0 && weight <= 1)) {
                throw new IllegalArgumentException("weight of " + family.name().toLowerCase(java.util.Locale.ROOT)
                        + " must be between 0 and 1, was " + weight);
            }
            copy.put(family, weight);
            sum += weight;
        }
        if (Math.abs(sum - 1) > WEIGHT_SUM_TOLERANCE) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "family weights must sum to 1, summed to %.3f", sum));
        }
        weights = java.util.Collections.unmodifiableMap(copy);
        if (confirmTicks < 1 || confirmTicks > 60) {
            throw new IllegalArgumentException("confirmTicks must be between 1 and 60, was " + confirmTicks);
        }
        if (reportAtLeast == Severity.NONE) {
            throw new IllegalArgumentException("reportAtLeast must be a real severity (info or worse), was none");
        }
    }

    public static CompositeConfig ofDefaults() {
        EnumMap<DetectorFamily, Double> weights = new EnumMap<>(DetectorFamily.class);
        for (DetectorFamily family : DetectorFamily.values()) {
            weights.put(family, family.defaultWeight());
        }
        return new CompositeConfig(weights, Mode.WEIGHTED, DEFAULT_CONFIRM_TICKS, Severity.LOW);
    }

    public double weight(DetectorFamily family) {
        return weights.get(family);
    }

    public CompositeConfig withMode(Mode newMode) {
        return new CompositeConfig(weights, newMode, confirmTicks, reportAtLeast);
    }
}
