package dev.firebreak.engine.detect.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.engine.detect.DetectorKind;
import dev.firebreak.engine.detect.DetectorOutput;
import dev.firebreak.engine.detect.Direction;
import dev.firebreak.engine.detect.series.SeriesDetector;
import dev.firebreak.engine.telemetry.MetricName;
import java.io.StringReader;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MetricDirectionTests {

    private static final long START = 1_762_041_600L;
    private static final int LEARN = 300;

    /** Feeds noise around 100 and then holds the value at {@code level}; returns whether any detector fired then. */
    private static boolean firesOnStep(MetricName metric, double level) {
        List<SeriesDetector> detectors = MetricDetectionConfig.defaultFor(metric).createDetectors();
        SplittableRandom random = new SplittableRandom(3);
        long t = START;
        for (int i = 0; i < LEARN; i++, t++) {
            double value = 100 + random.nextGaussian();
            for (SeriesDetector detector : detectors) {
                detector.update(t, value);
            }
        }
        boolean fired = false;
        for (int i = 0; i < 10; i++, t++) {
            for (SeriesDetector detector : detectors) {
                fired |= detector.update(t, level + random.nextGaussian()).fired();
            }
        }
        return fired;
    }

    @Test
    void requestRateThatRisesIsLoadAndDoesNotFire() {
        assertThat(firesOnStep(MetricName.REQUEST_RATE, 180)).isFalse();
    }

    @Test
    void requestRateThatFallsFires() {
        assertThat(firesOnStep(MetricName.REQUEST_RATE, 40)).isTrue();
    }

    @Test
    void latencyThatRisesFiresAndLatencyThatFallsDoesNot() {
        assertThat(firesOnStep(MetricName.LATENCY_P99, 160)).isTrue();
        assertThat(firesOnStep(MetricName.LATENCY_P99, 60)).isFalse();
    }

    @Test
    void errorRateThatRisesFires() {
        assertThat(firesOnStep(MetricName.ERROR_RATE, 130)).isTrue();
    }

    @Test
    void cpuHasNoShortWindowStatisticalDetectorsBecauseItFollowsLoad() {
        MetricDetectionConfig cpu = MetricDetectionConfig.defaultFor(MetricName.CPU);

        assertThat(cpu.rolling()).isEmpty();
        assertThat(cpu.iqr()).isEmpty();
        assertThat(cpu.rateOfChange()).isPresent();
    }

    @Test
    void cpuThatJumpsPastItsRateOfChangeLimitFires() {
        assertThat(firesOnStep(MetricName.CPU, 145)).isTrue();
    }

    @Test
    void directionKeepsOutputsWithoutABand() {
        DetectorOutput noBand = new DetectorOutput(DetectorKind.RATE_OF_CHANGE, 0.9, true, 5, Double.NaN, Double.NaN,
                "rose 40 points in 60 s");
        DetectorOutput above = new DetectorOutput(DetectorKind.ROLLING_ZSCORE, 0.9, true, 15, 5, 10, "above");

        assertThat(Direction.DOWN.admits(noBand)).isTrue();
        assertThat(Direction.DOWN.admits(above)).isFalse();
        assertThat(Direction.UP.admits(above)).isTrue();
    }

    @Test
    void yamlOverridesKeepTheMetricsDirection() throws DetectionConfigException {
        DetectionConfig config = DetectionConfigLoader.parse("test.yaml",
                new StringReader("metrics:\n  request_rate:\n    rolling: {window: 50, k: 4}\n"));

        assertThat(config.forMetric(MetricName.REQUEST_RATE).direction()).isEqualTo(Direction.DOWN);
        assertThat(config.forMetric(MetricName.REQUEST_RATE).rolling().orElseThrow().window()).isEqualTo(50);
    }
}
