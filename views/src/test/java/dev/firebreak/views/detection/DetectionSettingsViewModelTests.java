package dev.firebreak.views.detection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.engine.detect.DetectorFamily;
import dev.firebreak.engine.detect.SeriesDetectionConfig;
import dev.firebreak.engine.detect.SeriesDetectionConfig.ScoreMode;
import dev.firebreak.engine.telemetry.MetricName;
import dev.firebreak.views.testing.ScriptedSession;
import dev.firebreak.views.testing.Topologies;
import org.junit.jupiter.api.Test;

class DetectionSettingsViewModelTests {

    private final ScriptedSession session = new ScriptedSession(Topologies.shop(), 1);
    private final DetectionSettingsViewModel viewModel = new DetectionSettingsViewModel(session);

    @Test
    void windowOutOfRangeShowsTheAllowedRangeAsYouTypeAndBlocksApply() {
        viewModel.rollingWindow.textProperty().set("5");

        assertThat(viewModel.rollingWindow.messageProperty().get()).contains("between 10 and 1000");
        assertThat(viewModel.validProperty().get()).isFalse();
        assertThat(viewModel.apply()).isFalse();
        assertThat(session.detectionConfig(MetricName.LATENCY_P99).rolling().window()).isEqualTo(100);
    }

    @Test
    void correctingTheFieldClearsItsMessage() {
        viewModel.rollingWindow.textProperty().set("5");

        viewModel.rollingWindow.textProperty().set("50");

        assertThat(viewModel.rollingWindow.messageProperty().get()).isEmpty();
        assertThat(viewModel.validProperty().get()).isTrue();
    }

    @Test
    void textThatIsNotANumberIsNamedInTheMessage() {
        viewModel.ewmaAlpha.textProperty().set("0.2x");

        assertThat(viewModel.ewmaAlpha.messageProperty().get()).contains("Alpha").contains("'0.2x'");
        assertThat(viewModel.validProperty().get()).isFalse();
    }

    @Test
    void wholeNumberFieldRejectsAFraction() {
        viewModel.iqrWindow.textProperty().set("20.5");

        assertThat(viewModel.iqrWindow.messageProperty().get()).contains("whole number");
    }

    @Test
    void weightsThatDoNotSumToOneShowAFormMessage() {
        viewModel.weight(DetectorFamily.ML).textProperty().set("0.6");

        assertThat(viewModel.formMessageProperty().get()).contains("sum to 1");
        assertThat(viewModel.validProperty().get()).isFalse();
    }

    @Test
    void weightOutOfRangeIsShownOnThatWeight() {
        viewModel.weight(DetectorFamily.PATTERN).textProperty().set("1.5");

        assertThat(viewModel.weight(DetectorFamily.PATTERN).messageProperty().get()).contains("between 0 and 1");
    }

    @Test
    void applyPutsTheEditedSettingsIntoTheRunningDetection() {
        viewModel.metricProperty().set(MetricName.CPU);
        viewModel.rollingK.textProperty().set("4.5");
        viewModel.modeProperty().set(ScoreMode.MAJORITY_VOTE);

        boolean applied = viewModel.apply();

        SeriesDetectionConfig now = session.detectionConfig(MetricName.CPU);
        assertThat(applied).isTrue();
        assertThat(now.rolling().k()).isEqualTo(4.5);
        assertThat(now.mode()).isEqualTo(ScoreMode.MAJORITY_VOTE);
        assertThat(session.detectionConfig(MetricName.MEMORY).rolling().k()).isEqualTo(3.0);
        assertThat(viewModel.statusProperty().get()).contains("CPU");
    }

    @Test
    void switchingMetricLoadsThatMetricsSettings() {
        viewModel.metricProperty().set(MetricName.CPU);
        viewModel.rollingK.textProperty().set("6");
        viewModel.apply();
        viewModel.metricProperty().set(MetricName.ERROR_RATE);

        viewModel.metricProperty().set(MetricName.CPU);

        assertThat(viewModel.rollingK.textProperty().get()).isEqualTo("6");
        assertThat(viewModel.rateLimitedProperty().get()).isTrue();
    }

    @Test
    void disablingTheRateLimitAppliesNone() {
        viewModel.metricProperty().set(MetricName.CPU);
        viewModel.rateLimitedProperty().set(false);

        viewModel.apply();

        assertThat(session.detectionConfig(MetricName.CPU).rateOfChange()).isEmpty();
    }

    @Test
    void resetFillsTheDefaultsWhichApplyThenPutsInForce() {
        viewModel.rollingK.textProperty().set("7");
        viewModel.apply();

        viewModel.resetToDefaults();
        viewModel.apply();

        assertThat(viewModel.rollingK.textProperty().get()).isEqualTo("3");
        assertThat(session.detectionConfig(MetricName.LATENCY_P99))
                .isEqualTo(SeriesDetectionConfig.defaultFor(MetricName.LATENCY_P99));
    }
}
