package dev.firebreak.engine.predict;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * Forecast accuracy as MASE against seasonal naive, by rolling origin.
 *
 * <p>Both the forecaster and a seasonal-naive forecaster are fed the series one step at a time; from
 * every origin after the warm-up each forecasts steps 1..h, and every step whose actual value is not
 * missing is scored. The scale is the seasonal-naive error over the same (origin, step) pairs rather
 * than Hyndman's in-sample one-step scale, so the figure reads directly as "fraction of the baseline's
 * error": below 1 is better than seasonal naive.
 */
public final class ForecastAccuracy {

    private ForecastAccuracy() {
    }

    /**
     * @param series       the values, one per step; NaN is missing
     * @param forecaster   makes the forecaster to score (fed from the first value)
     * @param seasonLength the baseline's season, >= 1
     * @param horizon      steps forecast from each origin, >= 1
     * @param warmup       first origin (index of the last value seen), >= seasonLength
     */
    public static AccuracyReport mase(double[] series, Supplier<Forecaster> forecaster, int seasonLength, int horizon,
            int warmup) {
        Objects.requireNonNull(series, "series");
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be >= 1, was " + horizon);
        }
        if (warmup < seasonLength) {
            throw new IllegalArgumentException("warmup must be >= seasonLength (" + seasonLength + "), was " + warmup);
        }
        Forecaster model = forecaster.get();
        Forecaster naive = Forecasters.seasonalNaive(seasonLength);
        double modelError = 0;
        double naiveError = 0;
        long points = 0;
        for (int t = 0; t < series.length - 1; t++) {
            model.update(series[t]);
            naive.update(series[t]);
            if (t < warmup || !model.isReady() || !naive.isReady()) {
                continue;
            }
            int h = Math.min(horizon, series.length - 1 - t);
            double[] modelMean = model.forecast(h, 0.8).mean();
            double[] naiveMean = naive.forecast(h, 0.8).mean();
            for (int k = 1; k <= h; k++) {
                double actual = series[t + k];
                if (Double.isFinite(actual) && Double.isFinite(modelMean[k - 1]) && Double.isFinite(naiveMean[k - 1])) {
                    modelError += Math.abs(actual - modelMean[k - 1]);
                    naiveError += Math.abs(actual - naiveMean[k - 1]);
                    points++;
                }
            }
        }
        double modelMae = points == 0 ? Double.NaN : modelError / points;
        double naiveMae = points == 0 ? Double.NaN : naiveError / points;
        return new AccuracyReport(modelMae, naiveMae, naiveMae > 0 ? modelMae / naiveMae : Double.NaN, points);
    }
}
