package dev.firebreak.views.detection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.engine.detect.DetectorFamily;
import dev.firebreak.engine.detect.Direction;
import dev.firebreak.engine.detect.composite.CompositeConfig.Mode;
import dev.firebreak.engine.detect.composite.CompositeConfig;
import dev.firebreak.engine.detect.composite.MinimumDeparture;
import dev.firebreak.engine.detect.config.DetectionConfig;
import dev.firebreak.engine.detect.config.MetricDetectionConfig;
import dev.firebreak.engine.detect.series.BaselineHoldConfig;
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
        assertThat(session.detectionConfig().forMetric(MetricName.LATENCY_P99).rolling().orElseThrow().window())
                .isEqualTo(100);
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

        assertThat(viewModel.formMessageProperty().get()).contains("sum to 1").contains("1.200");
        assertThat(viewModel.validProperty().get()).isFalse();
    }

    @Test
    void weightOutOfRangeIsShownOnThatWeight() {
        viewModel.weight(DetectorFamily.PATTERN).textProperty().set("1.5");

        assertThat(viewModel.weight(DetectorFamily.PATTERN).messageProperty().get()).contains("between 0 and 1");
    }

    @Test
    void applyPutsTheEditedSettingsIntoTheRunningDetection() {
        viewModel.metricProperty().set(MetricName.ERROR_RATE);
        viewModel.rollingK.textProperty().set("4.5");
        viewModel.modeProperty().set(Mode.MAJORITY_VOTE);

        boolean applied = viewModel.apply();

        DetectionConfig now = session.detectionConfig();
        assertThat(applied).isTrue();
        assertThat(now.forMetric(MetricName.ERROR_RATE).rolling().orElseThrow().k()).isEqualTo(4.5);
        assertThat(now.composite().mode()).isEqualTo(Mode.MAJORITY_VOTE);
        assertThat(now.forMetric(MetricName.LATENCY_P99).rolling().orElseThrow().k()).isEqualTo(3.0);
        assertThat(viewModel.statusProperty().get()).contains("Error rate");
    }

    @Test
    void switchingMetricLoadsThatMetricsSettings() {
        viewModel.metricProperty().set(MetricName.CPU);
        viewModel.detectorOnProperty(DetectionSettingsViewModel.ROLLING).set(true);
        viewModel.rollingK.textProperty().set("6");
        viewModel.apply();
        viewModel.metricProperty().set(MetricName.ERROR_RATE);

        viewModel.metricProperty().set(MetricName.CPU);

        assertThat(viewModel.rollingK.textProperty().get()).isEqualTo("6");
        assertThat(viewModel.detectorOnProperty(DetectionSettingsViewModel.ROLLING).get()).isTrue();
        assertThat(viewModel.rateLimitedProperty().get()).isTrue();
    }

    @Test
    void disablingTheRateLimitAppliesNone() {
        viewModel.metricProperty().set(MetricName.CPU);
        viewModel.rateLimitedProperty().set(false);

        viewModel.apply();

        assertThat(session.detectionConfig().forMetric(MetricName.CPU).rateOfChange()).isEmpty();
    }

    @Test
    void detectorSwitchedOffByDefaultLoadsOffAndCanBeSwitchedOn() {
        viewModel.metricProperty().set(MetricName.CPU);
        assertThat(viewModel.detectorOnProperty(DetectionSettingsViewModel.ROLLING).get()).isFalse();

        viewModel.detectorOnProperty(DetectionSettingsViewModel.ROLLING).set(true);
        viewModel.rollingK.textProperty().set("5");
        viewModel.apply();

        assertThat(session.detectionConfig().forMetric(MetricName.CPU).rolling().orElseThrow().k()).isEqualTo(5.0);
        assertThat(session.detectionConfig().forMetric(MetricName.CPU).direction())
                .isEqualTo(MetricDetectionConfig.defaultDirection(MetricName.CPU));
    }

    @Test
    void fieldsOfADetectorSwitchedOffAreNotChecked() {
        viewModel.rollingWindow.textProperty().set("5");
        assertThat(viewModel.validProperty().get()).isFalse();

        viewModel.detectorOnProperty(DetectionSettingsViewModel.ROLLING).set(false);

        assertThat(viewModel.validProperty().get()).isTrue();
        assertThat(viewModel.apply()).isTrue();
        assertThat(session.detectionConfig().forMetric(MetricName.LATENCY_P99).rolling()).isEmpty();
    }

    @Test
    void everyDetectorOffIsRefusedWithAMessage() {
        for (String section : viewModel.sections().keySet()) {
            if (DetectionSettingsViewModel.isSwitchable(section)) {
                viewModel.detectorOnProperty(section).set(false);
            }
        }
        viewModel.rateLimitedProperty().set(false);

        assertThat(viewModel.validProperty().get()).isFalse();
        assertThat(viewModel.formMessageProperty().get()).contains("at least one detector");
    }

    @Test
    void directionIsEditedAndApplied() {
        viewModel.metricProperty().set(MetricName.REQUEST_RATE);
        assertThat(viewModel.directionProperty().get()).isEqualTo(Direction.DOWN);

        viewModel.directionProperty().set(Direction.BOTH);
        viewModel.apply();

        assertThat(session.detectionConfig().forMetric(MetricName.REQUEST_RATE).direction()).isEqualTo(Direction.BOTH);
    }

    @Test
    void baselineHoldIsEditedAndApplied() {
        assertThat(viewModel.holdOnProperty().get()).isTrue();
        assertThat(viewModel.holdQuiet.textProperty().get()).isEqualTo("30");

        viewModel.holdQuiet.textProperty().set("90");
        viewModel.apply();

        BaselineHoldConfig hold = session.detectionConfig().forMetric(MetricName.LATENCY_P99).hold().orElseThrow();
        assertThat(hold.quietSamples()).isEqualTo(90);
        assertThat(hold.openSamples()).isEqualTo(BaselineHoldConfig.DEFAULT_OPEN_SAMPLES);
    }

    @Test
    void baselineHoldOutOfRangeNamesTheFieldAndBlocksApply() {
        viewModel.holdAccept.textProperty().set("30");

        assertThat(viewModel.holdAccept.messageProperty().get()).contains("between 60 and 604800");
        assertThat(viewModel.apply()).isFalse();
    }

    @Test
    void metricWithoutAHoldLoadsItOffAndSwitchingItOffApplies() {
        viewModel.metricProperty().set(MetricName.REQUEST_RATE);
        assertThat(viewModel.holdOnProperty().get()).isFalse();

        viewModel.metricProperty().set(MetricName.ERROR_RATE);
        viewModel.holdOnProperty().set(false);
        viewModel.apply();

        assertThat(session.detectionConfig().forMetric(MetricName.ERROR_RATE).hold()).isEmpty();
    }

    @Test
    void minimumDepartureIsShownEditedAndApplied() {
        assertThat(viewModel.marginRelative.textProperty().get()).isEqualTo("0.05");
        assertThat(viewModel.marginAbsolute.textProperty().get()).isEqualTo("0");

        viewModel.marginRelative.textProperty().set("0.1");
        viewModel.marginAbsolute.textProperty().set("2");
        viewModel.apply();

        assertThat(session.detectionConfig().forMetric(MetricName.LATENCY_P99).minDeparture())
                .isEqualTo(new MinimumDeparture(0.1, 2));
        viewModel.metricProperty().set(MetricName.ERROR_RATE);
        assertThat(viewModel.marginRelative.textProperty().get()).isEqualTo("0");
    }

    @Test
    void minimumDepartureOutOfRangeNamesTheFieldAndBlocksApply() {
        viewModel.marginRelative.textProperty().set("2");

        assertThat(viewModel.marginRelative.messageProperty().get()).contains("between 0 and 1");
        assertThat(viewModel.apply()).isFalse();
    }

    @Test
    void resetFillsTheDefaultsWhichApplyThenPutsInForce() {
        viewModel.rollingK.textProperty().set("7");
        viewModel.modeProperty().set(Mode.MAJORITY_VOTE);
        viewModel.apply();

        viewModel.resetToDefaults();
        viewModel.apply();

        assertThat(viewModel.rollingK.textProperty().get()).isEqualTo("3");
        assertThat(session.detectionConfig().forMetric(MetricName.LATENCY_P99))
                .isEqualTo(MetricDetectionConfig.defaultFor(MetricName.LATENCY_P99));
        assertThat(session.detectionConfig().composite()).isEqualTo(CompositeConfig.ofDefaults());
    }
}
