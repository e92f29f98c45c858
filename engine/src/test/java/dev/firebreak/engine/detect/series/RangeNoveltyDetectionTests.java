package dev.firebreak.engine.detect.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebreak.engine.detect.DetectorOutput;
import dev.firebreak.engine.detect.config.DetectionConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Range novelty in the multi-scale detector: on in the NAB profile, off in the console's defaults. */
class RangeNoveltyDetectionTests {

    private static final long START = 1_400_000_000L;
    private static final int DAY = DailySeries.SAMPLES_PER_DAY;

    /** Outputs of the samples that fired, from index {@code from} on. */
    private static List<DetectorOutput> fired(MultiScaleConfig config, double[] values, int from) {
        SeriesDetector detector = SeriesDetectors.multiScale(config);
        List<DetectorOutput> fired = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            DetectorOutput output = detector.update(START + 900L * i, values[i]);
            if (i >= from && output.fired()) {
                fired.add(output);
            }
        }
        return fired;
    }

    private static List<Integer> firedAt(MultiScaleConfig config, double[] values) {
        return FiredSamples.of(SeriesDetectors.multiScale(config), values);
    }


    private static boolean byNovelty(DetectorOutput output) {
        return output.reason().contains("beyond every value seen so far");
    }

    @Test
    void valueBeyondEveryValueSeenAlarmsAndSaysSo() {
        double[] values = DailySeries.sine(30, 1);
        int at = 25 * DAY + 10;
        values[at] = 90;

        List<Integer> fired = firedAt(MultiScaleConfig.forNab(), values);
        List<DetectorOutput> outputs = fired(MultiScaleConfig.forNab(), values, at);

        assertThat(fired).contains(at);
        assertThat(outputs.getFirst().reason()).contains("beyond every value seen so far");
    }

    @Test
    void seasonalPatternInsideItsRangeNeverAlarmsByNovelty() {
        double[] values = DailySeries.sine(60, 2);

        List<Integer> withNovelty = firedAt(MultiScaleConfig.forNab(), values);
        List<Integer> without = firedAt(MultiScaleConfig.ofDefaults(), values);

        assertThat(fired(MultiScaleConfig.forNab(), values, 0)).noneMatch(RangeNoveltyDetectionTests::byNovelty);
        assertThat(withNovelty).isEqualTo(without);
    }

    @Test
    void stepToANewLevelAlarmsOnce() {
        SplittableRandom random = new SplittableRandom(5);
        double[] values = new double[3000];
        for (int i = 0; i < values.length; i++) {
            values[i] = (i >= 1500 ? 80 : 40) + 2 * random.nextGaussian();
        }

        List<Integer> fired = firedAt(MultiScaleConfig.forNab(), values).stream().filter(i -> i >= 1500).toList();

        assertThat(fired).hasSize(1);
        assertThat(fired.getFirst()).isBetween(1500, 1503);
    }

    @Test
    void slowClimbToANeverSeenLevelAlarmsWhereTheZScoresStayQuiet() {
        // Noise with regular bursts teaches the likelihood that big z-scores are usual; then the quiet level
        // creeps past everything seen, which no baseline finds surprising.
        SplittableRandom random = new SplittableRandom(7);
        double[] values = new double[6000];
        for (int i = 0; i < values.length; i++) {
            double level = i < 4000 ? 10 : 10 + (i - 4000) * 0.02;
            values[i] = level + random.nextGaussian() + (i % 200 < 5 ? 10 : 0);
        }

        List<DetectorOutput> withNovelty = fired(MultiScaleConfig.forNab(), values, 4000);
        List<DetectorOutput> without = fired(MultiScaleConfig.ofDefaults(), values, 4000);

        assertThat(withNovelty).anyMatch(RangeNoveltyDetectionTests::byNovelty);
        assertThat(without).noneMatch(RangeNoveltyDetectionTests::byNovelty);
    }

    @Test
    void constantSeriesNeverAlarms() {
        double[] values = new double[3000];
        java.util.Arrays.fill(values, 5.0);

        assertThat(firedAt(MultiScaleConfig.forNab(), values)).isEmpty();
    }

    @Test
    void missingSamplesAreNotScoredAndAGapDoesNotMakeKnownLevelsNovel() {
        double[] values = DailySeries.sine(40, 6);
        for (int i = 20 * DAY; i < 22 * DAY; i++) {
            values[i] = Double.NaN;
        }
        SeriesDetector detector = SeriesDetectors.multiScale(MultiScaleConfig.forNab());
        int missingFired = 0;
        List<DetectorOutput> fired = new ArrayList<>();

        for (int i = 0; i < values.length; i++) {
            DetectorOutput output = detector.update(START + 900L * i, values[i]);
            missingFired += Double.isNaN(values[i]) && output.fired() ? 1 : 0;
            if (output.fired()) {
                fired.add(output);
            }
        }

        assertThat(missingFired).isZero();
        assertThat(fired).noneMatch(RangeNoveltyDetectionTests::byNovelty);
    }

    @Test
    void onlyTheNabProfileTurnsNoveltyOn() {
        MultiScaleConfig console = DetectionConfig.ofDefaults().fallback().multiScale().orElseThrow();
        MultiScaleConfig nab = DetectionConfig.nab().fallback().multiScale().orElseThrow();

        assertThat(console.noveltyMargin()).isZero();
        assertThat(console).isEqualTo(MultiScaleConfig.ofDefaults());
        assertThat(nab).isEqualTo(MultiScaleConfig.forNab());
        assertThat(nab.noveltyMargin()).isPositive();
    }

    @Test
    void negativeNoveltyMarginIsRejectedNamingTheField() {
        assertThatThrownBy(() -> MultiScaleConfig.ofDefaults().withNovelty(-0.1, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("noveltyMargin");
    }
}
