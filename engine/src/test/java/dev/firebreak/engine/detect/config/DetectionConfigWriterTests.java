package dev.firebreak.engine.detect.config;

import dev.firebreak.engine.detect.composite.CompositeConfig;
import dev.firebreak.engine.detect.Direction;
import dev.firebreak.engine.detect.composite.MinimumDeparture;
import dev.firebreak.engine.detect.series.RollingZScoreConfig;
import dev.firebreak.engine.detect.Severity;
import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.engine.telemetry.MetricName;
import java.io.StringReader;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DetectionConfigWriterTests {

    private static DetectionConfig readBack(String yaml) throws DetectionConfigException {
        return DetectionConfigLoader.parse("saved.yaml", new StringReader(yaml));
    }

    @Test
    void defaultsReadBackEqual() throws Exception {
        DetectionConfig defaults = DetectionConfig.ofDefaults();

        assertThat(readBack(DetectionConfigWriter.toYaml(defaults))).isEqualTo(defaults);
    }

    @Test
    void changedDetectorsDirectionHoldAndDepartureReadBackEqual() throws Exception {
        DetectionConfig defaults = DetectionConfig.ofDefaults();
        MetricDetectionConfig latency = defaults.forMetric(MetricName.LATENCY_P99);
        MetricDetectionConfig changed = new MetricDetectionConfig(Optional.of(new RollingZScoreConfig(120, 4.5)),
                Optional.empty(), latency.iqr(), latency.seasonal(), latency.rateOfChange(), latency.multiScale(),
                latency.pattern(), Direction.BOTH, Optional.empty(), new MinimumDeparture(0.2, 3));
        java.util.EnumMap<MetricName, MetricDetectionConfig> perMetric = new java.util.EnumMap<>(defaults.perMetric());
        perMetric.put(MetricName.LATENCY_P99, changed);
        CompositeConfig composite = new CompositeConfig(defaults.composite().weights(), CompositeConfig.Mode.MAJORITY_VOTE,
                5, Severity.MEDIUM);
        DetectionConfig config = new DetectionConfig(perMetric, defaults.fallback(), composite, defaults.health());

        DetectionConfig back = readBack(DetectionConfigWriter.toYaml(config));

        assertThat(back).isEqualTo(config);
        assertThat(back.forMetric(MetricName.LATENCY_P99).ewma()).isEmpty();
        assertThat(back.composite().mode()).isEqualTo(CompositeConfig.Mode.MAJORITY_VOTE);
    }
}
