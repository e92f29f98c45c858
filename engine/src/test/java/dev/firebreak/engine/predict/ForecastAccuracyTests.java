package dev.firebreak.engine.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ForecastAccuracyTests {

    private static final int SEASON = 24;

    private static double[] noisySeasonalTrend(int length, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] series = new double[length];
        for (int t = 0; t < length; t++) {
            series[t] = 100 + 0.1 * t + 10 * Math.sin(2 * Math.PI * t / SEASON) + random.nextGaussian();
        }
        return series;
    }

    @Test
    void seasonalNaiveScoredAgainstItselfHasMaseOne() {
        double[] series = noisySeasonalTrend(20 * SEASON, 1);

        AccuracyReport report = ForecastAccuracy.mase(series, () -> Forecasters.seasonalNaive(SEASON), SEASON, 6,
                3 * SEASON);

        assertThat(report.mase()).isCloseTo(1, within(1e-12));
        assertThat(report.points()).isPositive();
    }

    @Test
    void holtWintersBeatsSeasonalNaiveOnANoisyTrendingSeason() {
        double[] series = noisySeasonalTrend(20 * SEASON, 2);

        AccuracyReport report = ForecastAccuracy.mase(series,
                () -> Forecasters.holtWinters(HoltWintersConfig.seasonal(SEASON)), SEASON, 6, 3 * SEASON);

        assertThat(report.mase()).isLessThan(0.8);
    }

    @Test
    void fittedSmoothingDoesAtLeastAsWellAsDefaultsOnTheFittedPrefix() {
        double[] series = noisySeasonalTrend(20 * SEASON, 3);
        double[] training = Arrays.copyOf(series, 6 * SEASON);

        HoltWintersConfig fitted = HoltWintersFit.fit(training, HoltWintersConfig.seasonal(SEASON));
        AccuracyReport fit = ForecastAccuracy.mase(series, () -> Forecasters.holtWinters(fitted), SEASON, 6,
                training.length);
        AccuracyReport defaults = ForecastAccuracy.mase(series,
                () -> Forecasters.holtWinters(HoltWintersConfig.seasonal(SEASON)), SEASON, 6, training.length);

        assertThat(fitted.seasonLength()).isEqualTo(SEASON);
        assertThat(fit.mase()).isLessThanOrEqualTo(defaults.mase() * 1.05);
    }

    @Test
    void missingActualsAreNotScored() {
        double[] series = noisySeasonalTrend(10 * SEASON, 4);
        double[] gappy = series.clone();
        for (int t = 5 * SEASON; t < 6 * SEASON; t++) {
            gappy[t] = Double.NaN;
        }

        AccuracyReport full = ForecastAccuracy.mase(series, () -> Forecasters.seasonalNaive(SEASON), SEASON, 1, 3 * SEASON);
        AccuracyReport withGap = ForecastAccuracy.mase(gappy, () -> Forecasters.seasonalNaive(SEASON), SEASON, 1,
                3 * SEASON);

        assertThat(withGap.points()).isEqualTo(full.points() - SEASON);
    }

    @Test
    void warmupShorterThanASeasonIsRejected() {
        assertThatThrownBy(() -> ForecastAccuracy.mase(new double[100], () -> Forecasters.seasonalNaive(SEASON), SEASON,
                6, 10)).hasMessageContaining("warmup must be >= seasonLength (24), was 10");
    }
}
