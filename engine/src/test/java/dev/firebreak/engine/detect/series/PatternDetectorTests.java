package dev.firebreak.engine.detect.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebreak.engine.detect.DetectorOutput;
import dev.firebreak.engine.detect.config.MetricDetectionConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PatternDetectorTests {

    private static final long START = 1_400_000_000L;
    private static final int DAY = 96;

    /** Indices of the samples that fired. */
    private static List<Integer> alarms(PatternConfig config, double[] values) {
        return FiredSamples.of(SeriesDetectors.pattern(config), values);
    }

    /** A daily shape (a sharp morning peak on a slow wave) with a little noise, {@code days} days long. */
    private static double[] daily(int days, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[days * DAY];
        for (int i = 0; i < values.length; i++) {
            values[i] = shape(i % DAY) + 0.3 * random.nextGaussian();
        }
        return values;
    }

    private static double shape(int t) {
        double wave = 50 + 20 * Math.sin(2 * Math.PI * t / DAY);
        return t >= 30 && t < 40 ? wave + 25 : wave;
    }

    @Test
    void repeatingDailyPatternDoesNotFire() {
        double[] values = daily(60, 3);

        List<Integer> fired = alarms(PatternConfig.ofDefaults(), values);

        assertThat(fired).isEmpty();
    }

    @Test
    void spikeInARepeatingPatternFiresAtOnce() {
        double[] values = daily(40, 4);
        int at = 35 * DAY + 70;
        values[at] += 30;

        List<Integer> fired = alarms(PatternConfig.ofDefaults(), values);

        assertThat(fired).hasSize(1);
        assertThat(fired.getFirst()).isBetween(at, at + 3);
    }

    @Test
    void dayWhoseShapeChangesWhileValuesStayInRangeFires() {
        double[] values = daily(40, 5);
        int day = 35 * DAY;
        // the morning peak comes in the evening instead: every value is one the series has shown before
        for (int t = 0; t < DAY; t++) {
            double wave = 50 + 20 * Math.sin(2 * Math.PI * t / DAY);
            values[day + t] = (t >= 30 && t < 40 ? wave : t >= 70 && t < 80 ? wave + 25 : wave)
                    + (values[day + t] - shape(t));
        }
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < day; i++) {
            low = Math.min(low, values[i]);
            high = Math.max(high, values[i]);
        }

        List<Integer> fired = alarms(PatternConfig.ofDefaults(), values);

        for (int t = 0; t < DAY; t++) {
            assertThat(values[day + t]).isBetween(low, high);
        }
        assertThat(fired).isNotEmpty();
        assertThat(fired.getFirst()).isBetween(day + 30, day + 45);
    }

    @Test
    void joinedWithMultiScaleTheChangedDayAlarmsOnceWhereMultiScaleAloneIsSilent() {
        double[] values = daily(40, 5);
        int day = 35 * DAY;
        for (int t = 0; t < DAY; t++) {
            double wave = 50 + 20 * Math.sin(2 * Math.PI * t / DAY);
            values[day + t] = (t >= 70 && t < 80 ? wave + 25 : wave) + (values[day + t] - shape(t));
        }
        MetricDetectionConfig alone = MetricDetectionConfig.multiScaleOnly(MultiScaleConfig.ofDefaults());
        MetricDetectionConfig joined = MetricDetectionConfig.multiScaleAndPattern(MultiScaleConfig.ofDefaults(),
                PatternConfig.ofDefaults());

        List<Integer> aloneFired = alarmsOfOnlyDetector(alone, values, day);
        List<Integer> joinedFired = alarmsOfOnlyDetector(joined, values, day);

        assertThat(aloneFired).isEmpty();
        assertThat(joinedFired).hasSize(1);
        assertThat(joinedFired.getFirst()).isBetween(day + 30, day + 45);
    }

    private static List<Integer> alarmsOfOnlyDetector(MetricDetectionConfig config, double[] values, int from) {
        List<SeriesDetector> detectors = config.createDetectors();
        assertThat(detectors).hasSize(1);
        List<Integer> fired = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if (detectors.getFirst().update(START + 900L * i, values[i]).fired() && i >= from) {
                fired.add(i);
            }
        }
        return fired;
    }

    @Test
    void missingSamplesAreNeitherScoredNorLearned() {
        double[] values = daily(40, 6);
        for (int i = 20 * DAY; i < 20 * DAY + 50; i++) {
            values[i] = Double.NaN;
        }
        SeriesDetector detector = SeriesDetectors.pattern(PatternConfig.ofDefaults());
        List<Integer> fired = new ArrayList<>();
        int missingScored = 0;

        for (int i = 0; i < values.length; i++) {
            DetectorOutput output = detector.update(START + 900L * i, values[i]);
            missingScored += Double.isNaN(values[i]) && !output.isLearning() ? 1 : 0;
            if (output.fired()) {
                fired.add(i);
            }
        }

        assertThat(missingScored).isZero();
        // the gap joins two stretches of the same shape out of phase: at most one alarm, right after it
        assertThat(fired).allSatisfy(i -> assertThat(i).isBetween(20 * DAY + 50, 20 * DAY + 50 + 16));
    }

    @Test
    void constantSeriesIsQuietUntilItMoves() {
        double[] values = new double[3000];
        java.util.Arrays.fill(values, 7.25);
        values[2500] = 7.5;

        List<Integer> fired = alarms(PatternConfig.ofDefaults(), values);

        assertThat(fired).containsExactly(2500);
    }

    @Test
    void stateStaysBoundedByTheHistory() {
        SeriesDetector detector = SeriesDetectors.pattern(PatternConfig.ofDefaults());
        detector.update(START, 1);
        int before = detector.stateBytes();

        double[] values = daily(100, 7);
        for (int i = 0; i < values.length; i++) {
            detector.update(START + 900L * (i + 1), values[i]);
        }

        assertThat(detector.stateBytes()).isEqualTo(before)
                .isLessThan(12 * PatternConfig.DEFAULT_HISTORY_SAMPLES + 512);
    }

    @Test
    void historyShorterThanTwoWindowsIsRejectedNamingTheField() {
        PatternConfig d = PatternConfig.ofDefaults();

        assertThatThrownBy(() -> new PatternConfig(64, 100, 1, false, true, d.distanceAlpha(), 200, d.likelihoodAlpha(),
                d.historyAlpha(), d.alarmSurprise(), d.holdOffSamples(), d.rearmSurprise()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("historySamples");
    }
}
