package dev.firebreak.engine.detect.series.internal;

/** Maps "how far past the line" onto a smooth score in [0, 1], shared by every detector. */
public final class Scores {

    /** Slope of the logistic: a value at its detector's limit scores 0.5, at 1.5x the limit about 0.92. */
    private static final double STEEPNESS = 5;
    /**
     * The score of a value inside its band (ratio 0), the most common case for the detectors that measure
     * how far beyond the band a value lies (IQR, seasonal band, rate of change): the same expression as
     * below, worked out once instead of an exp per sample.
     */
    private static final double AT_ZERO = 1 / (1 + Math.exp(-STEEPNESS * (0 - 1)));

    private Scores() {
    }

    /**
     * Score of a distance measured in units of the detector's limit: ratio 1 is exactly on the limit
     * (score 0.5), 0 is the expected value (score near 0), 2 is twice as far as allowed (near 1).
     */
    public static double ofLimitRatio(double ratio) {
        if (Double.isNaN(ratio)) {
            return Double.NaN;
        }
        if (ratio == Double.POSITIVE_INFINITY) {
            return 1;
        }
        if (ratio == 0) {
            return AT_ZERO;
        }
        return 1 / (1 + Math.exp(-STEEPNESS * (ratio - 1)));
    }

    /**
     * A scale that is never zero: constant history would otherwise make every later change infinitely
     * anomalous (and every equal value a division by zero).
     */
    public static double floorScale(double scale, double level) {
        double floor = Math.max(1e-9, Math.abs(level) * 1e-6);
        return Math.max(scale, floor);
    }
}
