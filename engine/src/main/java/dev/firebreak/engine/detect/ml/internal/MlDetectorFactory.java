package dev.firebreak.engine.detect.ml.internal;

import dev.firebreak.engine.detect.DetectorKind;
import dev.firebreak.engine.detect.ml.IsolationForestConfig;
import dev.firebreak.engine.detect.ml.ReconstructionConfig;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;

/** Builds the ML detectors; the public entry point is {@code dev.firebreak.engine.detect.ml.MlDetectors}. */
public final class MlDetectorFactory {

    private MlDetectorFactory() {
    }

    public static RetrainingVectorDetector isolationForest(IsolationForestConfig config, List<String> featureNames,
            Executor retrainExecutor) {
        Objects.requireNonNull(config, "config");
        checkFeatures(featureNames);
        if (config.implementation() == IsolationForestConfig.Implementation.COMPACT
                && featureNames.size() > CompactIsolationForest.MAX_DIMENSION) {
            throw new IllegalArgumentException("the compact isolation forest takes at most "
                    + CompactIsolationForest.MAX_DIMENSION + " features, was given " + featureNames.size()
                    + " " + featureNames + "; use Implementation.SMILE for more");
        }
        return new RetrainingVectorDetector(DetectorKind.ISOLATION_FOREST, featureNames,
                IsolationForestModel.trainer(config),
                retrainExecutor, config.windowSize(), config.retrainEvery(), config.minTrainingSamples(),
                config.admitAnomalousEvery());
    }

    public static RetrainingVectorDetector reconstruction(ReconstructionConfig config, List<String> featureNames,
            Executor retrainExecutor) {
        Objects.requireNonNull(config, "config");
        checkFeatures(featureNames);
        return new RetrainingVectorDetector(DetectorKind.RECONSTRUCTION, featureNames,
                PcaReconstructionModel.trainer(config.varianceToKeep(), config.thresholdPercentile()),
                retrainExecutor, config.windowSize(), config.retrainEvery(), config.minTrainingSamples(),
                config.admitAnomalousEvery());
    }

    private static void checkFeatures(List<String> featureNames) {
        Objects.requireNonNull(featureNames, "featureNames");
        if (featureNames.size() < 2) {
            throw new IllegalArgumentException(
                    "a vector detector needs at least 2 features, was given " + featureNames);
        }
        if (new HashSet<>(featureNames).size() != featureNames.size()) {
            throw new IllegalArgumentException("feature names must be distinct, were " + featureNames);
        }
    }
}
