package dev.firebreak.engine.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HoltWintersTests {

    private static final int SEASON = 24;

    private static double seasonalTrend(int t) {
        return 100 + 0.05 * t + 10 * Math.sin(2 * Math.PI * t / SEASON);
    }

    @Test
    void forecastRecoversSeasonalSeriesWithTrend() {
        Forecaster model = Forecasters.holtWinters(HoltWintersConfig.seasonal(SEASON).withSmoothing(0.3, 0.05, 0.2, 1));
        int history = 20 * SEASON;
        for (int t = 0; t < history; t++) {
            model.update(seasonalTrend(t));
        }

        Forecast forecast = model.forecast(SEASON, 0.8);

        for (int h = 1; h <= SEASON; h++) {
            assertThat(forecast.mean()[h - 1]).as("step %d", h).isCloseTo(seasonalTrend(history + h - 1), within(0.5));
        }
    }

    @Test
    void multiplicativeSeasonRecoversSwingThatScalesWithLevel() {
        HoltWintersConfig config = HoltWintersConfig.seasonal(SEASON).withSeasonality(Seasonality.MULTIPLICATIVE)
                .withSmoothing(0.3, 0.05, 0.2, 1);
        Forecaster model = Forecasters.holtWinters(config);
        int history = 20 * SEASON;
        for (int t = 0; t < history; t++) {
            model.update((100 + 0.2 * t) * (1 + 0.3 * Math.sin(2 * Math.PI * t / SEASON)));
        }

        Forecast forecast = model.forecast(SEASON, 0.8);

        for (int h = 1; h <= SEASON; h++) {
            int t = history + h - 1;
            double truth = (100 + 0.2 * t) * (1 + 0.3 * Math.sin(2 * Math.PI * t / SEASON));
            assertThat(forecast.mean()[h - 1]).as("step %d", h).isCloseTo(truth, within(truth * 0.02));
        }
    }

    @Test
    void intervalsWidenWithHorizon() {
        Forecaster model = Forecasters.holtWinters(HoltWintersConfig.seasonal(SEASON));
        SplittableRandom random = new SplittableRandom(7);
        for (int t = 0; t < 10 * SEASON; t++) {
            model.update(seasonalTrend(t) + random.nextGaussian());
        }

        Forecast forecast = model.forecast(3 * SEASON, 0.8);

        for (int i = 1; i < forecast.horizon(); i++) {
            double width = forecast.upper()[i] - forecast.lower()[i];
            double previousWidth = forecast.upper()[i - 1] - forecast.lower()[i - 1];
            assertThat(width).as("width at step %d", i + 1).isGreaterThan(previousWidth);
        }
        assertThat(forecast.upper()[0] - forecast.lower()[0]).isGreaterThan(0);
    }

    @Test
    void eightyPercentIntervalCoversAboutEightyPercentOfANoisySeries() {
        // a local level with a season and noise, the process the interval formula assumes
        SplittableRandom random = new SplittableRandom(11);
        double alpha = 0.3;
        HoltWintersConfig config = new HoltWintersConfig(alpha, 0.01, 0.05, 0.9, SEASON, Seasonality.ADDITIVE, 500);
        int length = 60 * SEASON;
        double[] series = new double[length];
        double level = 50;
        for (int t = 0; t < length; t++) {
            double error = 2 * random.nextGaussian();
            series[t] = level + 8 * Math.sin(2 * Math.PI * t / SEASON) + error;
            level += alpha * error;
        }
        Forecaster model = Forecasters.holtWinters(config);
        int horizon = 6;
        int inside = 0;
        int total = 0;

        for (int t = 0; t < length - horizon; t++) {
            model.update(series[t]);
            if (t >= 10 * SEASON) {
                Forecast forecast = model.forecast(horizon, 0.8);
                for (int h = 1; h <= horizon; h++) {
                    double actual = series[t + h];
                    inside += actual >= forecast.lower()[h - 1] && actual <= forecast.upper()[h - 1] ? 1 : 0;
                    total++;
                }
            }
        }

        assertThat(inside / (double) total).isBetween(0.7, 0.9);
    }

    @Test
    void missingStepsAdvanceTheSeasonWithoutCorruptingTheModel() {
        Forecaster model = Forecasters.holtWinters(HoltWintersConfig.seasonal(SEASON).withSmoothing(0.3, 0.05, 0.2, 1));
        int history = 20 * SEASON;
        for (int t = 0; t < history; t++) {
            model.update(t % 7 == 3 || (t > 5 * SEASON && t < 6 * SEASON) ? Double.NaN : seasonalTrend(t));
        }

        Forecast forecast = model.forecast(SEASON, 0.8);

        assertThat(model.steps()).isEqualTo(history);
        for (int h = 1; h <= SEASON; h++) {
            assertThat(forecast.mean()[h - 1]).as("step %d", h).isCloseTo(seasonalTrend(history + h - 1), within(1.0));
        }
    }

    @Test
    void modelIsNotReadyBeforeTwoSeasons() {
        Forecaster model = Forecasters.holtWinters(HoltWintersConfig.seasonal(SEASON));
        for (int t = 0; t < 2 * SEASON - 1; t++) {
            model.update(seasonalTrend(t));
        }

        assertThat(model.isReady()).isFalse();
        assertThatThrownBy(() -> model.forecast(1, 0.8)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("48 steps");
    }

    @Test
    void onlyMissingValuesKeepTheModelWaiting() {
        Forecaster model = Forecasters.holtWinters(HoltWintersConfig.trendOnly(0.5, 0.1, 0.98));

        model.update(Double.NaN);
        model.update(Double.POSITIVE_INFINITY);

        assertThat(model.isReady()).isFalse();
    }

    @Test
    void seasonalNaiveRepeatsTheLastSeason() {
        Forecaster naive = Forecasters.seasonalNaive(SEASON);
        for (int t = 0; t < 3 * SEASON; t++) {
            naive.update(seasonalTrend(t));
        }

        Forecast forecast = naive.forecast(2 * SEASON, 0.8);

        assertThat(forecast.mean()[0]).isEqualTo(seasonalTrend(2 * SEASON));
        assertThat(forecast.mean()[SEASON]).isEqualTo(seasonalTrend(2 * SEASON));
        assertThat(forecast.stdDev()[SEASON]).isGreaterThan(forecast.stdDev()[SEASON - 1]);
    }

    @Test
    void configRejectsSmoothingOutsideItsRange() {
        assertThatThrownBy(() -> new HoltWintersConfig(0, 0.1, 0.1, 0.98, 24, Seasonality.ADDITIVE, 500))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("alpha must be in (0, 1]");
        assertThatThrownBy(() -> new HoltWintersConfig(0.3, 0.1, 0.1, 1.2, 24, Seasonality.ADDITIVE, 500))
                .hasMessageContaining("phi must be in (0, 1]");
        assertThatThrownBy(() -> new HoltWintersConfig(0.3, 0.1, 0.1, 0.98, 1, Seasonality.ADDITIVE, 500))
                .hasMessageContaining("seasonLength must be >= 2");
        assertThatThrownBy(() -> new HoltWintersConfig(0.3, 0.1, 0.1, 0.98, 24, Seasonality.NONE, 500))
                .hasMessageContaining("seasonLength must be 1 without seasonality");
    }

    @Test
    void forecastRejectsBadHorizonAndCoverage() {
        Forecaster model = Forecasters.holtWinters(HoltWintersConfig.trendOnly(0.5, 0.1, 0.98));
        model.update(1);
        model.update(2);

        assertThatThrownBy(() -> model.forecast(0, 0.8)).hasMessageContaining("horizon must be >= 1");
        assertThatThrownBy(() -> model.forecast(5, 1.0)).hasMessageContaining("coverage must be in (0, 1)");
    }
}
