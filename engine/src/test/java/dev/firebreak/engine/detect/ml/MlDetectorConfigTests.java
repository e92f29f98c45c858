package dev.firebreak.engine.detect.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MlDetectorConfigTests {

    private static final IsolationForestConfig FOREST = IsolationForestConfig.ofDefaults();
    private static final ReconstructionConfig RECONSTRUCTION = ReconstructionConfig.ofDefaults();

    @Test
    void defaultsAreTheDocumentedConstants() {
        assertThat(FOREST.trees()).isEqualTo(IsolationForestConfig.DEFAULT_TREES);
        assertThat(FOREST.subsampleSize()).isEqualTo(IsolationForestConfig.DEFAULT_SUBSAMPLE_SIZE);
        assertThat(RECONSTRUCTION.thresholdPercentile()).isEqualTo(ReconstructionConfig.DEFAULT_THRESHOLD_PERCENTILE);
    }

    @Test
    void windowSmallerThanSixteenIsRejected() {
        assertThatThrownBy(() -> FOREST.withWindow(8, 4, 8))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("windowSize must be between 16 and 1048576, was 8");
    }

    @Test
    void subsampleLargerThanTheWindowIsRejected() {
        assertThatThrownBy(() -> new IsolationForestConfig(100, 256, 100, 50, 50, 0.99, 10,
                IsolationForestConfig.Implementation.COMPACT, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("subsampleSize must be between 2 and windowSize (100), was 256");
    }

    @Test
    void zeroTreesAreRejected() {
        assertThatThrownBy(() -> new IsolationForestConfig(2048, 256, 0, 512, 256, 0.99, 10,
                IsolationForestConfig.Implementation.COMPACT, 1))
                .hasMessage("trees must be between 1 and 10000, was 0");
    }

    @Test
    void minTrainingSamplesAboveTheWindowIsRejected() {
        assertThatThrownBy(() -> RECONSTRUCTION.withWindow(512, 128, 1024))
                .hasMessage("minTrainingSamples must be between 16 and windowSize (512), was 1024");
    }

    @Test
    void thresholdPercentileOfOneIsRejected() {
        assertThatThrownBy(() -> new ReconstructionConfig(2048, 512, 256, 0.95, 1.0, 10))
                .hasMessage("thresholdPercentile must be in [0.5, 1), was 1.0");
    }

    @Test
    void varianceToKeepOutsideTheOpenUnitIntervalIsRejected() {
        assertThatThrownBy(() -> new ReconstructionConfig(2048, 512, 256, 1.0, 0.95, 10))
                .hasMessage("varianceToKeep must be in (0, 1), was 1.0");
    }

    @Test
    void admitAnomalousEveryZeroIsRejected() {
        assertThatThrownBy(() -> FOREST.withAdmitAnomalousEvery(0))
                .hasMessage("admitAnomalousEvery must be at least 1, was 0");
    }

    @Test
    void retrainEveryZeroIsRejected() {
        assertThatThrownBy(() -> RECONSTRUCTION.withWindow(2048, 0, 256))
                .hasMessage("retrainEvery must be at least 1, was 0");
    }

    @Test
    void factoryRejectsASingleFeature() {
        assertThatThrownBy(() -> MlDetectors.isolationForest(FOREST, List.of("cpu"), Runnable::run))
                .hasMessage("a vector detector needs at least 2 features, was given [cpu]");
    }

    @Test
    void factoryRejectsDuplicateFeatureNames() {
        assertThatThrownBy(() -> MlDetectors.reconstruction(RECONSTRUCTION, List.of("cpu", "cpu"), Runnable::run))
                .hasMessage("feature names must be distinct, were [cpu, cpu]");
    }
}
