package dev.firebreak.engine.detect.ml;

/**
 * Settings of the reconstruction-error detector (PCA of the robust-scaled window) over a component's
 * metric vector.
 *
 * @param windowSize           vectors kept for training (default {@value #DEFAULT_WINDOW_SIZE})
 * @param retrainEvery         admitted vectors between background refits (default {@value #DEFAULT_RETRAIN_EVERY})
 * @param minTrainingSamples   vectors needed before the first model (default {@value #DEFAULT_MIN_TRAINING_SAMPLES})
 * @param varianceToKeep       share of variance the kept components must explain, in (0, 1)
 *                             (default {@value #DEFAULT_VARIANCE_TO_KEEP}); at most d-1 components are kept
 * @param thresholdPercentile  percentile of the training window's reconstruction errors above which a
 *                             vector is flagged (default {@value #DEFAULT_THRESHOLD_PERCENTILE})
 * @param admitAnomalousEvery  flagged vectors enter the training window one time in this many
 *                             (default {@value #DEFAULT_ADMIT_ANOMALOUS_EVERY})
 */
public record ReconstructionConfig(int windowSize, int retrainEvery, int minTrainingSamples, double varianceToKeep,
        double thresholdPercentile, int admitAnomalousEvery) {

    public static final int DEFAULT_WINDOW_SIZE = 2048;
    public static final int DEFAULT_RETRAIN_EVERY = 512;
    public static final int DEFAULT_MIN_TRAINING_SAMPLES = 256;
    public static final double DEFAULT_VARIANCE_TO_KEEP = 0.95;
    public static final double DEFAULT_THRESHOLD_PERCENTILE = 0.95;
    public static final int DEFAULT_ADMIT_ANOMALOUS_EVERY = 10;

    /** @throws IllegalArgumentException naming the first setting out of range */
    public ReconstructionConfig {
        MlConfigChecks.window(windowSize, retrainEvery, minTrainingSamples, thresholdPercentile, admitAnomalousEvery);
        if (!(varianceToKeep > 0 && varianceToKeep < 1)) {
            throw new IllegalArgumentException("varianceToKeep must be in (0, 1), was " + varianceToKeep);
        }
    }

    public static ReconstructionConfig ofDefaults() {
        return new ReconstructionConfig(DEFAULT_WINDOW_SIZE, DEFAULT_RETRAIN_EVERY, DEFAULT_MIN_TRAINING_SAMPLES,
                DEFAULT_VARIANCE_TO_KEEP, DEFAULT_THRESHOLD_PERCENTILE, DEFAULT_ADMIT_ANOMALOUS_EVERY);
    }

    public ReconstructionConfig withWindow(int newWindowSize, int newRetrainEvery, int newMinTrainingSamples) {
        return new ReconstructionConfig(newWindowSize, newRetrainEvery, newMinTrainingSamples, varianceToKeep,
                thresholdPercentile, admitAnomalousEvery);
    }

    public ReconstructionConfig withAdmitAnomalousEvery(int every) {
        return new ReconstructionConfig(windowSize, retrainEvery, minTrainingSamples, varianceToKeep,
                thresholdPercentile, every);
    }
}
