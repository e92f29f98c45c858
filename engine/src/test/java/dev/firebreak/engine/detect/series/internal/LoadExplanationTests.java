package dev.firebreak.engine.detect.series.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.engine.detect.DetectorKind;
import dev.firebreak.engine.detect.DetectorOutput;
import org.junit.jupiter.api.Test;

class LoadExplanationTests {

    private static DetectorOutput fired(DetectorKind kind, double observed, double low, double high) {
        return new DetectorOutput(kind, 0.99, true, observed, low, high, "above band");
    }

    @Test
    void aStatisticalBandFarBehindIsNotPlausiblyLoadButASeasonalBandNeverKnowsAboutABurst() {
        // latency doubled: 200 against a band of 95..105, 19 half band widths beyond it
        DetectorOutput rolling = fired(DetectorKind.ROLLING_ZSCORE, 200, 95, 105);
        DetectorOutput seasonal = fired(DetectorKind.SEASONAL_BAND, 200, 95, 105);
        DetectorOutput nearRolling = fired(DetectorKind.ROLLING_ZSCORE, 112, 95, 105);

        assertThat(LoadExplanation.plausible(rolling)).isFalse();
        assertThat(LoadExplanation.plausible(nearRolling)).isTrue();
        assertThat(LoadExplanation.plausible(seasonal)).isTrue();
    }

    @Test
    void anExplainedOutputScoresZeroAndSaysWhyKeepingItsBand() {
        DetectorOutput output = fired(DetectorKind.EWMA, 112, 95, 105);

        DetectorOutput explained = LoadExplanation.explained(output);

        assertThat(explained.score()).isZero();
        assertThat(explained.fired()).isFalse();
        assertThat(explained.expectedLow()).isEqualTo(95);
        assertThat(explained.expectedHigh()).isEqualTo(105);
        assertThat(explained.reason()).isEqualTo("entry traffic moving: load, not a fault (above band)");
    }
}
