package dev.firebreak.engine.detect.ml;

import java.util.Objects;

/**
 * Settings of the isolation-forest detector over a component's metric vector.
 *
 * @param windowSize           vectors kept for training, newest last (default {@value #DEFAULT_WINDOW_SIZE})
 * @param subsampleSize        vectors drawn per tree (default {@value #DEFAULT_SUBSAMPLE_SIZE})
 * @param trees                trees in the forest (default {@value #DEFAULT_TREES})
 * @param retrainEvery         admitted vectors between background refits (default {@value #DEFAULT_RETRAIN_EVERY})
 * @param minTrainingSamples   vectors needed before the first model; scores are NaN until then
 *                             (default {@value #DEFAULT_MIN_TRAINING_SAMPLES})
 * @param thresholdPercentile  percentile of the training window's scores above which a vector is
 *                             unusual; the detector's score is 0.5 there (default {@value #DEFAULT_THRESHOLD_PERCENTILE})
 * @param admitAnomalousEvery  a vector the model flags enters the training window only one time in
 *                             this many, so a fault is not learned as normal (1 admits all;
 *                             default {@value #DEFAULT_ADMIT_ANOMALOUS_EVERY})
 * @param implementation       whose forest: the compact array-based one (default) or Smile's
 * @param seed                 seed of the first fit (compact forest only); later fits take the next ones
 */
public record IsolationForestConfig(int windowSize, int subsampleSize, int trees, int retrainEvery,
        int minTrainingSamples, double thresholdPercentile, int admitAnomalousEvery, Implementation implementation,
        long seed) {

    /** Which isolation forest fits and scores: both build an extended (oblique-split) forest. */
    public enum Implementation {
        /**
         * Ternary-weight hyperplanes in cache-line blocks, seeded (ADR 0013): what the console ships. Takes
         * at most 16 features.
         */
        COMPACT,
        /**
         * {@code smile.anomaly.IsolationForest} at extension level 1 (Gaussian weights on two features per
         * split): the reference, unseeded, fitted on the common pool.
         */
        SMILE
    }

    public static final int DEFAULT_WINDOW_SIZE = 2048;
    public static final int DEFAULT_SUBSAMPLE_SIZE = 256;
    public static final int DEFAULT_TREES = 64;
    public static final int DEFAULT_RETRAIN_EVERY = 512;
    public static final int DEFAULT_MIN_TRAINING_SAMPLES = 256;
    public static final double DEFAULT_THRESHOLD_PERCENTILE = 0.99;
    public static final int DEFAULT_ADMIT_ANOMALOUS_EVERY = 10;
    public static final Implementation DEFAULT_IMPLEMENTATION = Implementation.COMPACT;
    public static final long DEFAULT_SEED = 1;

    /** @throws IllegalArgumentException naming the first setting out of range */
    public IsolationForestConfig {
        MlConfigChecks.window(windowSize, retrainEvery, minTrainingSamples, thresholdPercentile, admitAnomalousEvery);
        if (subsampleSize < 2 || subsampleSize > windowSize) {
            throw new IllegalArgumentException(
                    "subsampleSize must be between 2 and windowSize (" + windowSize + "), was " + subsampleSize);
        }
        if (trees < 1 || trees > 10_000) {
            throw new IllegalArgumentException("trees must be between 1 and 10000, was " + trees);
        }
        Objects.requireNonNull(implementation, "implementation");
    }

    public static IsolationForestConfig ofDefaults() {
        return new IsolationForestConfig(DEFAULT_WINDOW_SIZE, DEFAULT_SUBSAMPLE_SIZE, DEFAULT_TREES,
                DEFAULT_RETRAIN_EVERY, DEFAULT_MIN_TRAINING_SAMPLES, DEFAULT_THRESHOLD_PERCENTILE,
                DEFAULT_ADMIT_ANOMALOUS_EVERY, DEFAULT_IMPLEMENTATION, DEFAULT_SEED);
    }

    public IsolationForestConfig withWindow(int newWindowSize, int newRetrainEvery, int newMinTrainingSamples) {
        return new IsolationForestConfig(newWindowSize, Math.min(subsampleSize, newWindowSize), trees,
                newRetrainEvery, newMinTrainingSamples, thresholdPercentile, admitAnomalousEvery, implementation, seed);
    }

    public IsolationForestConfig withAdmitAnomalousEvery(int every) {
        return new IsolationForestConfig(windowSize, subsampleSize, trees, retrainEvery, minTrainingSamples,
                thresholdPercentile, every, implementation, seed);
    }

    /** The same settings with another forest size, e.g. to measure its cost and detection. */
    public IsolationForestConfig withTrees(int newTrees, int newSubsampleSize) {
        return new IsolationForestConfig(windowSize, newSubsampleSize, newTrees, retrainEvery, minTrainingSamples,
                thresholdPercentile, admitAnomalousEvery, implementation, seed);
    }

    public IsolationForestConfig withImplementation(Implementation newImplementation) {
        return new IsolationForestConfig(windowSize, subsampleSize, trees, retrainEvery, minTrainingSamples,
                thresholdPercentile, admitAnomalousEvery, newImplementation, seed);
    }
}
