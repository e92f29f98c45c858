package dev.firebreak.engine.detect;

/**
 * How bad an anomaly is, from its composite score (0..1), with the seed's thresholds:
 * critical > 0.9, high > 0.75, medium > 0.5, low > 0.3, info > 0.1, otherwise none.
 */
public enum Severity {
    NONE(0),
    INFO(0.1),
    LOW(0.3),
    MEDIUM(0.5),
    HIGH(0.75),
    CRITICAL(0.9);

    /** {@link #values()} copies its array on every call, and every component's score is mapped every tick. */
    private static final Severity[] VALUES = values();

    private final double scoreAbove;

    Severity(double scoreAbove) {
        this.scoreAbove = scoreAbove;
    }

    /** The score a composite must exceed to reach this severity. */
    public double scoreAbove() {
        return scoreAbove;
    }

    public static Severity ofScore(double score) {
        if (Double.isNaN(score)) {
            return NONE;
        }
        Severity result = NONE;
        for (Severity severity : VALUES) {
            if (severity != NONE && score > severity.scoreAbove) {
                result = severity;
            }
        }
        return result;
    }

    public boolean isAtLeast(Severity other) {
        return ordinal() >= other.ordinal();
    }
}
