package dev.firebreak.engine.detect.series;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.engine.detect.DetectorOutput;
import dev.firebreak.engine.detect.config.MetricDetectionConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class SeriesDetectorsTests {

    private static final long START = 1_762_041_600L; // Monday 2025-11-02? any fixed second works

    private static final List<Supplier<SeriesDetector>> STATISTICAL = List.of(
            () -> SeriesDetectors.rollingZScore(RollingZScoreConfig.ofDefaults()),
            () -> SeriesDetectors.ewma(EwmaConfig.ofDefaults()),
            () -> SeriesDetectors.iqr(IqrConfig.ofDefaults()),
            () -> SeriesDetectors.multiScale(MultiScaleConfig.ofDefaults()));

    private static double[] noise(int n, double level, double spread, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = level + spread * random.nextGaussian();
        }
        return values;
    }

    private static List<DetectorOutput> feed(SeriesDetector detector, double[] values) {
        List<DetectorOutput> outputs = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            outputs.add(detector.update(START + i, values[i]));
        }
        return outputs;
    }

    @Test
    void everyStatisticalDetectorScoresASpikeHighAndTheNoiseBeforeItLow() {
        for (Supplier<SeriesDetector> factory : STATISTICAL) {
            double[] values = noise(400, 100, 2, 7);
            values[399] = 160;

            List<DetectorOutput> outputs = feed(factory.get(), values);

            DetectorOutput spike = outputs.get(399);
            assertThat(spike.score()).as(spike.kind().label() + " " + spike).isGreaterThan(0.5);
            assertThat(outputs.get(398).score()).as(spike.kind().label() + " " + outputs.get(398)).isLessThan(0.5);
        }
    }

    @Test
    void everyStatisticalDetectorFiresOnAStepWithinAFewSamples() {
        for (Supplier<SeriesDetector> factory : STATISTICAL) {
            double[] values = noise(420, 50, 1, 11);
            for (int i = 400; i < 420; i++) {
                values[i] += 15;
            }

            List<DetectorOutput> outputs = feed(factory.get(), values);

            assertThat(outputs.subList(400, 405)).as(factory.get().kind().label())
                    .anySatisfy(o -> assertThat(o.score()).isGreaterThan(0.5));
        }
    }

    @Test
    void rollingBandReportsObservedValueAndExpectedBand() {
        double[] values = noise(200, 10, 1, 3);
        values[199] = 30;

        DetectorOutput spike = feed(SeriesDetectors.rollingZScore(RollingZScoreConfig.ofDefaults()), values).get(199);

        assertThat(spike.fired()).isTrue();
        assertThat(spike.observed()).isEqualTo(30);
        assertThat(spike.expectedLow()).isBetween(5.0, 9.0);
        assertThat(spike.expectedHigh()).isBetween(11.0, 15.0);
        assertThat(spike.reason()).contains("above band");
    }

    @Test
    void ewmaFollowsASlowDriftWithoutFiring() {
        double[] values = noise(2000, 100, 1, 5);
        for (int i = 0; i < values.length; i++) {
            values[i] += i * 0.01;
        }

        List<DetectorOutput> outputs = feed(SeriesDetectors.ewma(EwmaConfig.ofDefaults()), values);

        long fired = outputs.stream().filter(DetectorOutput::fired).count();
        assertThat(fired).as(outputs.stream().filter(DetectorOutput::fired).limit(3).toList().toString()).isLessThan(20);
    }

    @Test
    void memoryRiseOfTenPointsInAnHourBreaksTheRateLimit() {
        SeriesDetector detector = SeriesDetectors.rateOfChange(RateOfChangeConfig.defaultFor(
                dev.firebreak.engine.telemetry.MetricName.MEMORY).orElseThrow());
        DetectorOutput last = null;

        for (int s = 0; s <= 3600; s += 10) {
            last = detector.update(START + s, 40 + 10.0 * s / 3600);
        }

        assertThat(last.fired()).isTrue();
        assertThat(last.score()).isGreaterThan(0.9);
    }

    @Test
    void trafficDropOfSixtyPercentInTwoMinutesBreaksTheRateLimitButAGentleDipDoesNot() {
        SeriesDetector drop = SeriesDetectors.rateOfChange(RateOfChangeConfig.defaultFor(
                dev.firebreak.engine.telemetry.MetricName.REQUEST_RATE).orElseThrow());
        SeriesDetector dip = SeriesDetectors.rateOfChange(RateOfChangeConfig.defaultFor(
                dev.firebreak.engine.telemetry.MetricName.REQUEST_RATE).orElseThrow());
        DetectorOutput dropped = null;
        DetectorOutput dipped = null;

        for (int s = 0; s < 600; s++) {
            double factor = s < 480 ? 1 : 1 - 0.6 * Math.min(1, (s - 480) / 120.0);
            dropped = drop.update(START + s, 1000 * factor);
            dipped = dip.update(START + s, 1000 * (s < 480 ? 1 : 0.85));
        }

        assertThat(dropped.fired()).isTrue();
        assertThat(dipped.fired()).isFalse();
    }

    @Test
    void seasonalBandLearnsADailyPatternAndDoesNotFireOnItThenFiresOnAnOffHourSurge() {
        SeriesDetector detector = SeriesDetectors.seasonalBand(SeasonalBandConfig.ofDefaults());
        SplittableRandom random = new SplittableRandom(2);
        int step = 300;
        int samplesPerWeek = 7 * 86_400 / step;
        int fired = 0;
        int scoredInLastWeek = 0;

        for (int i = 0; i < 4 * samplesPerWeek; i++) {
            long t = START + (long) i * step;
            double hour = (t % 86_400) / 3600.0;
            double value = 500 + 400 * Math.sin(2 * Math.PI * hour / 24) + 20 * random.nextGaussian();
            DetectorOutput output = detector.update(t, value);
            if (i >= 3 * samplesPerWeek) {
                scoredInLastWeek += output.isLearning() ? 0 : 1;
                fired += output.fired() ? 1 : 0;
            }
        }
        long night = START + 4L * samplesPerWeek * step + 18 * 3600;
        DetectorOutput surge = detector.update(night, 900);

        assertThat(scoredInLastWeek).isGreaterThan(samplesPerWeek / 2);
        assertThat(fired).isLessThan(scoredInLastWeek / 100);
        assertThat(surge.fired()).isTrue();
    }

    /**
     * Memory-like: a slow swing within every hour (amplitude 1, so the hour's p5-p95 spans 1.9) and little
     * noise, the same every week. The band must be the whole hour's range, learned last week, and not a band
     * that follows the last few minutes (which lets the value drift with it and then fires when it moves a hair faster).
     */
    @Test
    void seasonalBandIsTheWholeHourOfLastWeekNotItsLastMinutes() {
        SeriesDetector detector = SeriesDetectors.seasonalBand(SeasonalBandConfig.ofDefaults());
        SplittableRandom random = new SplittableRandom(4);
        int week = 7 * 86_400;
        int fired = 0;
        int scored = 0;
        double narrowest = Double.POSITIVE_INFINITY;

        for (int i = 0; i < 2 * week; i++) {
            long t = START + i;
            double value = 40 + Math.sin(2 * Math.PI * (t % 3600) / 3600.0) + 0.02 * random.nextGaussian();
            DetectorOutput output = detector.update(t, value);
            if (!output.isLearning()) {
                scored++;
                fired += output.fired() ? 1 : 0;
                narrowest = Math.min(narrowest, output.expectedHigh() - output.expectedLow());
            }
        }
        DetectorOutput jump = detector.update(START + 2L * week, 43);

        assertThat(scored).isGreaterThan(week / 2);
        assertThat(narrowest).isGreaterThan(1.5);
        assertThat(fired).isLessThan(scored / 100);
        assertThat(jump.fired()).isTrue();
    }

    @Test
    void missingSamplesAreNeitherScoredNorLearned() {
        for (Supplier<SeriesDetector> factory : STATISTICAL) {
            SeriesDetector detector = factory.get();
            double[] values = noise(300, 20, 1, 9);
            for (int i = 100; i < 300; i += 3) {
                values[i] = Double.NaN;
            }

            List<DetectorOutput> outputs = feed(detector, values);

            assertThat(outputs.get(103).isLearning()).isTrue();
            assertThat(outputs.get(103).reason()).contains("missing");
            assertThat(outputs.get(299).score()).as(detector.kind().label()).isLessThan(0.5);
        }
    }

    @Test
    void constantSeriesScoresZeroWithoutDividingByZeroAndAnyChangeStandsOut() {
        for (Supplier<SeriesDetector> factory : STATISTICAL) {
            double[] values = new double[300];
            java.util.Arrays.fill(values, 42);
            values[299] = 43;

            List<DetectorOutput> outputs = feed(factory.get(), values);

            String kind = outputs.get(0).kind().label();
            assertThat(outputs.get(298).score()).as(kind).isLessThan(0.1).isNotNaN();
            assertThat(outputs.get(299).score()).as(kind).isGreaterThan(0.5);
        }
    }

    @Test
    void learningPeriodReturnsNaNScore() {
        SeriesDetector detector = SeriesDetectors.rollingZScore(new RollingZScoreConfig(50, 3));

        List<DetectorOutput> outputs = feed(detector, noise(51, 1, 0.1, 1));

        assertThat(outputs.get(49).isLearning()).isTrue();
        assertThat(outputs.get(50).isLearning()).isFalse();
    }

    @Test
    void iqrQuartilesMatchASortOfTheWindowAfterManyEvictions() {
        SeriesDetector detector = SeriesDetectors.iqr(new IqrConfig(20, 1.5));
        double[] values = noise(500, 0, 1, 4);
        feed(detector, values);
        double[] window = java.util.Arrays.copyOfRange(values, 480, 500);
        java.util.Arrays.sort(window);
        double q1 = window[4] + 0.75 * (window[5] - window[4]);
        double q3 = window[14] + 0.25 * (window[15] - window[14]);

        DetectorOutput output = detector.update(START + 500, 0);

        double iqr = q3 - q1;
        assertThat(output.expectedLow()).isCloseTo(q1 - 1.5 * iqr, org.assertj.core.data.Offset.offset(1e-5));
        assertThat(output.expectedHigh()).isCloseTo(q3 + 1.5 * iqr, org.assertj.core.data.Offset.offset(1e-5));
    }

    @Test
    void everyDefaultSeriesFitsTheFourKilobyteBudget() {
        for (dev.firebreak.engine.telemetry.MetricName metric : dev.firebreak.engine.telemetry.MetricName.values()) {
            int bytes = MetricDetectionConfig.defaultFor(metric).createDetectors().stream()
                    .mapToInt(SeriesDetector::stateBytes).sum();

            assertThat(bytes).as(metric.name()).isLessThanOrEqualTo(4096);
        }
    }
}
