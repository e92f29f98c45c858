package dev.firebreak.engine.predict;

import java.util.Objects;

/**
 * A forecast for steps 1..h after the last observation: index i holds step i + 1. Bounds form a
 * central prediction interval of the given coverage (0.8 = the value should fall inside 80 % of the
 * time). The arrays belong to this forecast; callers must not modify them.
 *
 * @param mean     point forecast per step
 * @param stdDev   forecast standard deviation per step (non-decreasing for the models here)
 * @param lower    lower interval bound per step
 * @param upper    upper interval bound per step
 * @param coverage nominal interval coverage, in (0, 1)
 */
public record Forecast(double[] mean, double[] stdDev, double[] lower, double[] upper, double coverage) {
    public Forecast {
        Objects.requireNonNull(mean, "mean");
        if (stdDev.length != mean.length || lower.length != mean.length || upper.length != mean.length) {
            throw new IllegalArgumentException("mean, stdDev, lower and upper must have the same length");
        }
        if (!(coverage > 0 && coverage < 1)) {
            throw new IllegalArgumentException("coverage must be in (0, 1), was " + coverage);
        }
    }

    public int horizon() {
        return mean.length;
    }
}
