package dev.firebreak.engine.detect;

/** The four groups of the seed's composite score, each with its default weight. */
public enum DetectorFamily {
    STATISTICAL(0.3),
    ML(0.4),
    PATTERN(0.2),
    CORRELATION(0.1);

    private final double defaultWeight;

    DetectorFamily(double defaultWeight) {
        this.defaultWeight = defaultWeight;
    }

    public double defaultWeight() {
        return defaultWeight;
    }
}
