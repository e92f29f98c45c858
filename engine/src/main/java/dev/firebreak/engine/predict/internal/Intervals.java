package dev.firebreak.engine.predict.internal;

import dev.firebreak.engine.predict.Forecast;
import org.apache.commons.math3.distribution.NormalDistribution;

/** Turns a mean and standard deviation per step into a forecast with a central normal interval. */
final class Intervals {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    private Intervals() {
    }

    static void checkArguments(int horizon, double coverage) {
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be >= 1, was " + horizon);
        }
        if (!(coverage > 0 && coverage < 1)) {
            throw new IllegalArgumentException("coverage must be in (0, 1), was " + coverage);
        }
    }

    static Forecast normal(double[] mean, double[] stdDev, double coverage) {
        double z = STANDARD_NORMAL.inverseCumulativeProbability(0.5 + coverage / 2);
        double[] lower = new double[mean.length];
        double[] upper = new double[mean.length];
        for (int i = 0; i < mean.length; i++) {
            lower[i] = mean[i] - z * stdDev[i];
            upper[i] = mean[i] + z * stdDev[i];
        }
        return new Forecast(mean, stdDev, lower, upper, coverage);
    }
}
