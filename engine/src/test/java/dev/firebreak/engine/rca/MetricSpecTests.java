package dev.firebreak.engine.rca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MetricSpecTests {

    @Test
    void aLatencyPercentileKnowsItsQuantileAndOtherMetricsHaveNone() {
        assertThat(MetricSpec.latencyQuantile("LATENCY_P95", 0.95).quantile()).isEqualTo(0.95);
        assertThat(MetricSpec.latencyQuantile("LATENCY_P95", 0.95).isLatencyQuantile()).isTrue();
        assertThat(MetricSpec.of("LATENCY_AVG", MetricSpec.Role.LATENCY, MetricSpec.Bad.UP).isLatencyQuantile()).isFalse();
        assertThat(MetricSpec.resource("CPU", "CPU").isLatencyQuantile()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 1, -0.5, 95})
    void aQuantileOutsideZeroToOneIsRefusedNamingTheMetric(double quantile) {
        assertThatThrownBy(() -> MetricSpec.latencyQuantile("LATENCY_P95", quantile))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("LATENCY_P95");
    }

    @Test
    void onlyALatencyHasAQuantile() {
        assertThatThrownBy(() -> new MetricSpec("ERROR_RATE", MetricSpec.Role.ERRORS, MetricSpec.Bad.UP, "", 0.5, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only a latency has a quantile");
    }
}
