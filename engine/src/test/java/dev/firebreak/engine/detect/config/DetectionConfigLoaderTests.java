package dev.firebreak.engine.detect.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebreak.engine.detect.DetectorFamily;
import dev.firebreak.engine.detect.Direction;
import dev.firebreak.engine.detect.series.BaselineHoldConfig;
import dev.firebreak.engine.detect.series.RollingZScoreConfig;
import dev.firebreak.engine.telemetry.MetricName;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class DetectionConfigLoaderTests {

    @Test
    void shippedDefaultsFileLoadsAndKeepsTheSeedLimits() throws DetectionConfigException {
        DetectionConfig config = DetectionConfigLoader.loadResource("detection/defaults.yaml");

        assertThat(config.forMetric(MetricName.CPU).rateOfChange()).hasValueSatisfying(r -> {
            assertThat(r.maxRise()).isEqualTo(30);
            assertThat(r.windowSeconds()).isEqualTo(60);
        });
        assertThat(config.composite().weight(DetectorFamily.ML)).isEqualTo(0.4);
    }

    @Test
    void shippedDefaultsFileRestatesTheBuiltInDefaults() throws DetectionConfigException {
        // the file is what people copy to override: it must not contradict what the console runs
        assertThat(DetectionConfigLoader.loadResource("detection/defaults.yaml")).isEqualTo(DetectionConfig.ofDefaults());
    }

    @Test
    void directionIsOverriddenByName() throws DetectionConfigException {
        DetectionConfig config = DetectionConfigLoader.parse("mine.yaml", new StringReader("""
                metrics:
                  latency_p99: {direction: both}
                """));

        assertThat(config.forMetric(MetricName.LATENCY_P99).direction()).isEqualTo(Direction.BOTH);
        assertThat(config.forMetric(MetricName.ERROR_RATE).direction()).isEqualTo(Direction.UP);
    }

    @Test
    void overrideChangesOnlyWhatItNamesAndOffSwitchesADetectorOff() throws DetectionConfigException {
        String yaml = """
                metrics:
                  latency_p99:
                    rolling: {k: 4}
                    seasonal: off
                """;

        DetectionConfig config = DetectionConfigLoader.parse("test.yaml", new StringReader(yaml));

        MetricDetectionConfig latency = config.forMetric(MetricName.LATENCY_P99);
        assertThat(latency.rolling()).hasValue(new RollingZScoreConfig(100, 4));
        assertThat(latency.seasonal()).isEmpty();
        assertThat(config.forMetric(MetricName.CPU)).isEqualTo(DetectionConfig.ofDefaults().forMetric(MetricName.CPU));
    }

    @Test
    void holdIsKeptByOtherOverridesAndCanBeTunedOrSwitchedOff() throws DetectionConfigException {
        String yaml = """
                metrics:
                  latency_p99:
                    hold: {acceptAfterSeconds: 600}
                  error_rate:
                    hold: off
                  queue_depth:
                    rolling: {k: 4}
                """;

        DetectionConfig config = DetectionConfigLoader.parse("test.yaml", new StringReader(yaml));

        assertThat(config.forMetric(MetricName.LATENCY_P99).hold()).hasValue(new BaselineHoldConfig(
                BaselineHoldConfig.DEFAULT_OPEN_SAMPLES, BaselineHoldConfig.DEFAULT_QUIET_SAMPLES, 600));
        assertThat(config.forMetric(MetricName.ERROR_RATE).hold()).isEmpty();
        assertThat(config.forMetric(MetricName.QUEUE_DEPTH).hold()).hasValue(BaselineHoldConfig.ofDefaults());
        assertThat(config.forMetric(MetricName.REQUEST_RATE).hold()).isEmpty();
    }

    @Test
    void outOfRangeValueNamesFileLineFieldAndAllowedRange() {
        String yaml = """
                metrics:
                  cpu:
                    rolling:
                      window: 100
                      k: 42
                """;

        assertThatThrownBy(() -> DetectionConfigLoader.parse("mine.yaml", new StringReader(yaml)))
                .isInstanceOf(DetectionConfigException.class)
                .hasMessage("mine.yaml:4: metrics.cpu.rolling: rolling k must be between 0.5 and 10, was 42.0");
    }

    @Test
    void misspelledFieldIsAnErrorListingTheAllowedFields() {
        String yaml = """
                composite:
                  wieghts: {ml: 0.4}
                """;

        assertThatThrownBy(() -> DetectionConfigLoader.parse("mine.yaml", new StringReader(yaml)))
                .isInstanceOf(DetectionConfigException.class)
                .hasMessageStartingWith("mine.yaml:2: composite.wieghts: unknown field 'wieghts'")
                .hasMessageContaining("weights");
    }

    @Test
    void textWhereANumberBelongsIsReportedWithItsLine() {
        String yaml = """
                health:
                  worsenTicks: three
                """;

        assertThatThrownBy(() -> DetectionConfigLoader.parse("mine.yaml", new StringReader(yaml)))
                .hasMessage("mine.yaml:2: health.worsenTicks: expected a number, found 'three'");
    }
}
