package dev.firebreak.engine.predict.internal;

import dev.firebreak.engine.predict.Forecast;
import dev.firebreak.engine.predict.Forecaster;

/**
 * The baseline every forecaster must beat: the value one season ago (the last value for a season of
 * one). A missing value repeats what that slot last held. Intervals come from the variance of the
 * seasonal differences: the h-step error spans {@code ceil(h / m)} seasonal steps, so its variance is
 * that many times the one-step variance.
 */
public final class SeasonalNaive implements Forecaster {

    private final int m;
    private final double[] lastSeason;
    private long steps;
    private long finiteSeen;
    private double residualSumSquares;
    private long residuals;

    public SeasonalNaive(int seasonLength) {
        if (seasonLength < 1) {
            throw new IllegalArgumentException("seasonLength must be >= 1, was " + seasonLength);
        }
        this.m = seasonLength;
        this.lastSeason = new double[seasonLength];
        java.util.Arrays.fill(lastSeason, Double.NaN);
    }

    @Override
    public void update(double value) {
        int slot = (int) (steps % m);
        if (Double.isFinite(value)) {
            double previous = lastSeason[slot];
            if (!Double.isNaN(previous)) {
                double error = value - previous;
                residualSumSquares += error * error;
                residuals++;
            }
            lastSeason[slot] = value;
            finiteSeen++;
        }
        steps++;
    }

    @Override
    public boolean isReady() {
        return steps >= m && finiteSeen > 0;
    }

    @Override
    public long steps() {
        return steps;
    }

    @Override
    public Forecast forecast(int horizon, double coverage) {
        Intervals.checkArguments(horizon, coverage);
        if (!isReady()) {
            throw new IllegalStateException("seasonal naive needs one season (" + m + " steps) before it forecasts, has "
                    + steps);
        }
        double sigma2 = residuals == 0 ? 0 : residualSumSquares / residuals;
        double fallback = lastFinite();
        double[] mean = new double[horizon];
        double[] sd = new double[horizon];
        for (int h = 1; h <= horizon; h++) {
            double v = lastSeason[(int) ((steps + h - 1) % m)];
            mean[h - 1] = Double.isNaN(v) ? fallback : v;
            sd[h - 1] = Math.sqrt(sigma2 * ((h - 1) / m + 1));
        }
        return Intervals.normal(mean, sd, coverage);
    }

    private double lastFinite() {
        for (int back = 1; back <= m; back++) {
            double v = lastSeason[(int) Math.floorMod(steps - back, (long) m)];
            if (!Double.isNaN(v)) {
                return v;
            }
        }
        return Double.NaN;
    }
}
