package dev.firebreak.views.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.engine.detect.CompositeConfig;
import dev.firebreak.engine.detect.DetectionConfig;
import dev.firebreak.engine.detect.RollingZScoreConfig;
import dev.firebreak.engine.detect.SeriesDetectionConfig;
import dev.firebreak.engine.detect.SeriesDetectionConfig.ScoreMode;
import dev.firebreak.engine.telemetry.MetricName;
import dev.firebreak.views.testing.Topologies;
import org.junit.jupiter.api.Test;

class SimulatedSessionTests {

    @Test
    void configuringDetectionReachesBothTheSeriesDetectionAndTheDetectionEngine() {
        try (SimulatedSession session = (SimulatedSession) SimulatedSession.pausedFactory().start(Topologies.shop(), 1, 1)) {
            SeriesDetectionConfig base = session.detectionConfig(MetricName.CPU);
            SeriesDetectionConfig edited = new SeriesDetectionConfig(new RollingZScoreConfig(200, 4), base.ewma(),
                    base.iqr(), base.seasonal(), base.rateOfChange(), base.weights(), ScoreMode.MAJORITY_VOTE);

            session.configureDetection(MetricName.CPU, edited);

            assertThat(session.detectionConfig(MetricName.CPU)).isEqualTo(edited);
            assertThat(session.detectionEngineConfig().forMetric(MetricName.CPU).rolling()).contains(edited.rolling());
            assertThat(session.detectionEngineConfig().composite().mode()).isEqualTo(CompositeConfig.Mode.MAJORITY_VOTE);
            assertThat(session.detectionEngineConfig().forMetric(MetricName.MEMORY))
                    .isEqualTo(edited.applyTo(DetectionConfig.ofDefaults(), MetricName.CPU)
                            .forMetric(MetricName.MEMORY));
        }
    }

    @Test
    void defaultSettingsAreTheDetectionEnginesDefaults() {
        try (SimulatedSession session = (SimulatedSession) SimulatedSession.pausedFactory().start(Topologies.shop(), 1, 1)) {
            SeriesDetectionConfig latency = session.detectionConfig(MetricName.LATENCY_P99);

            assertThat(latency.toMetricDetectionConfig())
                    .isEqualTo(session.detectionEngineConfig().forMetric(MetricName.LATENCY_P99));
        }
    }

    @Test
    void healthComesFromTheSimulatorRuleUnlessDetectionIsChosen() {
        try (SimulatedSession session = (SimulatedSession) SimulatedSession.pausedFactory().start(Topologies.shop(), 1, 1)) {
            for (int i = 0; i < 30; i++) {
                session.simulator().step();
            }

            assertThat(session.healthSnapshot()).isEqualTo(session.simulator().healthSnapshot());
        }
    }
}
