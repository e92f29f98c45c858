package dev.firebreak.engine.predict.internal;

import dev.firebreak.engine.predict.Forecast;
import dev.firebreak.engine.predict.Forecaster;
import dev.firebreak.engine.predict.HoltWintersConfig;
import dev.firebreak.engine.predict.Seasonality;
import java.util.Arrays;
import java.util.Objects;

/**
 * Damped Holt-Winters in the error-correction form, updated one step at a time.
 *
 * <p>The first two seasons (two steps without a season) are buffered, the initial level, trend and
 * season are estimated from them, and then the buffer is replayed through the update so the residual
 * variance is learned from the start. Intervals use the ETS(A,Ad,A) variance of the h-step error,
 * {@code sigma^2 * (1 + sum_{j<h} c_j^2)} with {@code c_j = alpha * (1 + beta * (phi + ... + phi^j)) +
 * gamma * (1 - alpha) * [j mod m == 0]} (Hyndman et al., Forecasting with Exponential Smoothing, ch. 6),
 * where sigma^2 is the recent one-step residual variance. For the multiplicative season the same
 * formula is scaled by the seasonal factor, an approximation that is close while the season is
 * stable.
 */
public final class HoltWinters implements Forecaster {

    private static final double TINY = 1e-9;

    private final HoltWintersConfig config;
    private final int m;
    private final boolean multiplicative;
    private final double[] season;
    private final double[] warmup;
    private int buffered;
    private boolean ready;
    private double level;
    private double trend;
    private double residualVariance;
    private long residuals;
    private long steps;

    public HoltWinters(HoltWintersConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.m = config.seasonLength();
        this.multiplicative = config.seasonality() == Seasonality.MULTIPLICATIVE;
        this.season = new double[m];
        Arrays.fill(season, multiplicative ? 1 : 0);
        this.warmup = new double[m == 1 ? 2 : 2 * m];
    }

    @Override
    public void update(double value) {
        double y = Double.isFinite(value) ? value : Double.NaN;
        if (ready) {
            step(y);
            return;
        }
        warmup[buffered++] = y;
        if (buffered == warmup.length) {
            initialise();
        }
    }

    @Override
    public boolean isReady() {
        return ready;
    }

    @Override
    public long steps() {
        return ready ? steps : buffered;
    }

    /** The current one-step residual standard deviation, NaN before any residual. */
    public double residualStdDev() {
        return residuals == 0 ? Double.NaN : Math.sqrt(residualVariance);
    }

    @Override
    public Forecast forecast(int horizon, double coverage) {
        Intervals.checkArguments(horizon, coverage);
        if (!ready) {
            throw new IllegalStateException("Holt-Winters needs " + warmup.length + " steps before it forecasts, has "
                    + buffered);
        }
        double[] mean = new double[horizon];
        double[] sd = new double[horizon];
        double phi = config.phi();
        double alpha = config.alpha();
        double dampedSum = 0;
        double errorVarianceFactor = 1;
        double sigma2 = residuals == 0 ? 0 : residualVariance;
        double seasonalGamma = config.seasonality() == Seasonality.NONE ? 0 : config.gamma() * (1 - alpha);
        double phiPower = 1;
        for (int h = 1; h <= horizon; h++) {
            phiPower *= phi;
            dampedSum += phiPower;
            double base = level + dampedSum * trend;
            double factor = season[slot(steps + h - 1)];
            mean[h - 1] = multiplicative ? base * factor : base + factor;
            double scale = multiplicative ? Math.abs(factor) : 1;
            sd[h - 1] = Math.sqrt(sigma2 * errorVarianceFactor) * scale;
            // c_h feeds the variance of the next step's error
            double c = alpha * (1 + config.beta() * dampedSum) + (h % m == 0 ? seasonalGamma : 0);
            errorVarianceFactor += c * c;
        }
        return Intervals.normal(mean, sd, coverage);
    }

    private int slot(long step) {
        return (int) (step % m);
    }

    private void step(double y) {
        int slot = slot(steps);
        double phi = config.phi();
        double predictedBase = level + phi * trend;
        if (Double.isNaN(y)) {
            level = predictedBase;
            trend = phi * trend;
            steps++;
            return;
        }
        double s = season[slot];
        double predicted = multiplicative ? predictedBase * s : predictedBase + s;
        double error = y - predicted;
        double deseasonalised = multiplicative ? y / Math.max(TINY, s) : y - s;
        double newLevel = config.alpha() * deseasonalised + (1 - config.alpha()) * predictedBase;
        trend = config.beta() * (newLevel - level) + (1 - config.beta()) * phi * trend;
        level = newLevel;
        if (config.seasonality() != Seasonality.NONE) {
            double observedSeason = multiplicative ? y / Math.max(TINY, newLevel) : y - newLevel;
            season[slot] = config.gamma() * observedSeason + (1 - config.gamma()) * s;
        }
        recordResidual(multiplicative ? error / Math.max(TINY, Math.abs(s)) : error);
        steps++;
    }

    private void recordResidual(double error) {
        residuals++;
        double weight = 1.0 / Math.min(residuals, config.residualWindow());
        residualVariance += weight * (error * error - residualVariance);
    }

    private void initialise() {
        int finite = 0;
        for (double v : warmup) {
            if (!Double.isNaN(v)) {
                finite++;
            }
        }
        if (finite == 0) {
            // nothing to learn from yet: keep waiting for real values
            buffered = 0;
            return;
        }
        if (m == 1) {
            level = firstFinite();
            trend = 0;
        } else {
            double first = meanOf(0, m);
            double second = meanOf(m, 2 * m);
            if (Double.isNaN(first)) {
                first = second;
            }
            if (Double.isNaN(second)) {
                second = first;
            }
            trend = config.seasonality() == Seasonality.NONE ? 0 : (second - first) / m;
            initialiseSeason(first, second);
            // the first season's mean sits at its centre; step back to just before step 0
            level = first - trend * (m + 1) / 2.0;
        }
        ready = true;
        steps = 0;
        for (double v : warmup) {
            step(v);
        }
    }

    private void initialiseSeason(double first, double second) {
        for (int i = 0; i < m; i++) {
            double sum = 0;
            int count = 0;
            for (int k = 0; k < 2; k++) {
                double v = warmup[k * m + i];
                double seasonMean = k == 0 ? first : second;
                double centred = seasonMean + trend * (i - (m - 1) / 2.0);
                if (!Double.isNaN(v)) {
                    sum += multiplicative ? v / Math.max(TINY, centred) : v - centred;
                    count++;
                }
            }
            season[i] = count == 0 ? (multiplicative ? 1 : 0) : sum / count;
        }
    }

    private double firstFinite() {
        for (double v : warmup) {
            if (!Double.isNaN(v)) {
                return v;
            }
        }
        return Double.NaN;
    }

    private double meanOf(int from, int to) {
        double sum = 0;
        int count = 0;
        for (int i = from; i < to; i++) {
            if (!Double.isNaN(warmup[i])) {
                sum += warmup[i];
                count++;
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }
}
