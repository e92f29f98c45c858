package dev.firebreak.engine.detect.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebreak.engine.detect.DetectorOutput;
import dev.firebreak.engine.detect.config.DetectionConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Adaptive resonance in the multi-scale detector: on in the NAB profile, off in the console's defaults. */
class ResonanceDetectionTests {

    private static final long START = 1_400_000_000L;

    private static List<DetectorOutput> fired(MultiScaleConfig config, double[] values) {
        SeriesDetector detector = SeriesDetectors.multiScale(config);
        List<DetectorOutput> fired = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            DetectorOutput output = detector.update(START + 900L * i, values[i]);
            if (output.fired()) {
                fired.add(output);
            }
        }
        return fired;
    }


    private static boolean byResonance(DetectorOutput output) {
        return output.reason().contains("unlike every pattern learned so far");
    }

    private static MultiScaleConfig nabWithoutResonance() {
        return MultiScaleConfig.forNab().withResonance(Optional.empty());
    }

    @Test
    void newShapeInsideTheRangeAlarmsOnlyWithResonanceAndSaysSo() {
        double[] values = DailySeries.sineWithSquareDay(30, 7, 25);

        List<DetectorOutput> with = fired(MultiScaleConfig.forNab(), values);
        List<DetectorOutput> without = fired(nabWithoutResonance(), values);

        assertThat(with).anyMatch(ResonanceDetectionTests::byResonance);
        assertThat(without).hasSizeLessThan(with.size()).noneMatch(ResonanceDetectionTests::byResonance);
    }

    @Test
    void repeatingDailyPatternStopsAlarmingOnceLearned() {
        List<DetectorOutput> fired = fired(MultiScaleConfig.forNab(), DailySeries.sine(40, 1));

        // The first days alarm while the baselines learn the day; nothing after that, and never by resonance.
        assertThat(fired).hasSizeLessThanOrEqualTo(5).noneMatch(ResonanceDetectionTests::byResonance);
    }

    @Test
    void slowDriftAlarmsNoMoreThanWithoutResonance() {
        double[] values = DailySeries.sine(40, 4);
        for (int i = 0; i < values.length; i++) {
            values[i] += 0.01 * i;
        }

        List<DetectorOutput> with = fired(MultiScaleConfig.forNab(), values);

        assertThat(with).noneMatch(ResonanceDetectionTests::byResonance);
        assertThat(with.size()).isLessThanOrEqualTo(fired(nabWithoutResonance(), values).size());
    }

    @Test
    void onlyTheNabProfileTurnsResonanceOn() {
        MultiScaleConfig console = DetectionConfig.ofDefaults().fallback().multiScale().orElseThrow();
        MultiScaleConfig nab = DetectionConfig.nab().fallback().multiScale().orElseThrow();

        assertThat(console.resonance()).isEmpty();
        assertThat(MultiScaleConfig.ofDefaults().resonance()).isEmpty();
        assertThat(nab.resonance()).contains(ResonanceConfig.forNab());
    }

    @Test
    void stateStaysUnderTenKilobytesPerSeries() {
        int with = SeriesDetectors.multiScale(MultiScaleConfig.forNab()).stateBytes();
        int without = SeriesDetectors.multiScale(nabWithoutResonance()).stateBytes();

        assertThat(with - without).isBetween(8_000, 10_000);
    }

    @Test
    void windowThatIsNotAPowerOfTwoIsRejectedNamingTheField() {
        assertThatThrownBy(() -> new ResonanceConfig(6, 0.9, 0.7, 100, 0.075, 64, 0.99, 300, 0.7))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("windowPoints");
    }

    @Test
    void noveltyVigilanceAboveTheLearningVigilanceIsRejected() {
        assertThatThrownBy(() -> new ResonanceConfig(8, 0.9, 0.95, 100, 0.075, 64, 0.99, 300, 0.7))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("novelMatch");
    }
}
