package dev.firebreak.engine.detect.ml.internal;

import java.util.Arrays;

/**
 * Maps a model's raw anomaly measure to [0, 1] against the distribution of that measure on the
 * model's own training window: 0 at or below the median, 0.5 at the threshold percentile, and above
 * it 1 - 0.5 * 2^(-u) where u is the excess in units of (threshold - median), so each further
 * "threshold's worth" of excess halves the distance to 1.
 *
 * <p>Below the threshold the ramp is quadratic, so typical normal vectors stay near 0 instead of
 * spreading evenly up to 0.5.
 */
record ScoreCalibration(double median, double threshold, double thresholdPercentile) {

    static ScoreCalibration of(double[] trainingScores, double thresholdPercentile) {
        double[] sorted = trainingScores.clone();
        Arrays.sort(sorted);
        double median = Quantiles.ofSorted(sorted, sorted.length, 0.5);
        double threshold = Quantiles.ofSorted(sorted, sorted.length, thresholdPercentile);
        return new ScoreCalibration(median, threshold, thresholdPercentile);
    }

    double score(double raw) {
        double spread = threshold - median;
        if (!(spread > 0)) {
            // A degenerate window (all training scores equal): anything above it is unusual.
            spread = Math.max(Math.abs(threshold) * 1e-3, 1e-12);
        }
        if (raw <= median) {
            return 0;
        }
        if (raw <= threshold) {
            double u = (raw - median) / spread;
            return 0.5 * u * u;
        }
        double excess = (raw - threshold) / spread;
        return 1 - 0.5 * Math.pow(2, -excess);
    }

    boolean exceeds(double raw) {
        return raw > threshold;
    }
}
