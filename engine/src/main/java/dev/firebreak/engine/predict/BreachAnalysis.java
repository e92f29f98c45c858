package dev.firebreak.engine.predict;

import java.util.OptionalDouble;
import org.apache.commons.math3.distribution.NormalDistribution;

/** Finds where a forecast crosses an upper threshold. Pure functions. */
public final class BreachAnalysis {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    private BreachAnalysis() {
    }

    /**
     * @param current   the latest observed (or smoothed) value, step 0, used to interpolate a crossing
     *                  inside the first step; NaN to count the first step as crossed at step 1
     * @param forecast  the forecast
     * @param threshold the value at or above which the series is in breach
     */
    public static Breach analyse(double current, Forecast forecast, double threshold) {
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException("threshold must be a finite number, was " + threshold);
        }
        double[] mean = forecast.mean();
        double[] sd = forecast.stdDev();
        double probability = 0;
        for (int i = 0; i < mean.length; i++) {
            probability = Math.max(probability, exceedance(mean[i], sd[i], threshold));
        }
        return new Breach(crossing(current, mean, threshold), crossing(current, forecast.upper(), threshold),
                probability);
    }

    private static double exceedance(double mean, double sd, double threshold) {
        if (Double.isNaN(mean)) {
            return 0;
        }
        if (!(sd > 0)) {
            return mean >= threshold ? 1 : 0;
        }
        return 1 - STANDARD_NORMAL.cumulativeProbability((threshold - mean) / sd);
    }

    private static OptionalDouble crossing(double current, double[] path, double threshold) {
        double previous = current;
        for (int i = 0; i < path.length; i++) {
            double v = path[i];
            if (v >= threshold) {
                if (Double.isNaN(previous)) {
                    return OptionalDouble.of(i + 1);
                }
                if (previous >= threshold) {
                    // already at or above the threshold at the previous step (step 0: now)
                    return OptionalDouble.of(i);
                }
                return OptionalDouble.of(i + (threshold - previous) / (v - previous));
            }
            previous = v;
        }
        return OptionalDouble.empty();
    }
}
