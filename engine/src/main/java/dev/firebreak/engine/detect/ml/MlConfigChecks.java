package dev.firebreak.engine.detect.ml;

/** The range checks both ML detector configs share, with messages naming the setting. */
final class MlConfigChecks {

    static final int MIN_WINDOW = 16;
    static final int MAX_WINDOW = 1 << 20;

    private MlConfigChecks() {
    }

    static void window(int windowSize, int retrainEvery, int minTrainingSamples, double thresholdPercentile,
            int admitAnomalousEvery) {
        if (windowSize < MIN_WINDOW || windowSize > MAX_WINDOW) {
            throw new IllegalArgumentException(
                    "windowSize must be between " + MIN_WINDOW + " and " + MAX_WINDOW + ", was " + windowSize);
        }
        if (retrainEvery < 1) {
            throw new IllegalArgumentException("retrainEvery must be at least 1, was " + retrainEvery);
        }
        if (minTrainingSamples < MIN_WINDOW || minTrainingSamples > windowSize) {
            throw new IllegalArgumentException("minTrainingSamples must be between " + MIN_WINDOW
                    + " and windowSize (" + windowSize + "), was " + minTrainingSamples);
        }
        if (!(thresholdPercentile >= 0.5 && thresholdPercentile < 1)) {
            throw new IllegalArgumentException("thresholdPercentile must be in [0.5, 1), was " + thresholdPercentile);
        }
        if (admitAnomalousEvery < 1) {
            throw new IllegalArgumentException("admitAnomalousEvery must be at least 1, was " + admitAnomalousEvery);
        }
    }
}
