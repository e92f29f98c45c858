package dev.firebreak.engine.predict;

import dev.firebreak.engine.telemetry.MetricName;
import java.util.Objects;

/**
 * The value at which a metric counts as breached: either absolute (disk at 90 %) or a multiple of the
 * series' own learned baseline (p99 latency at 3x its normal).
 *
 * @param metric            the metric kind this applies to
 * @param value             the absolute threshold, or the factor over the baseline (> 1)
 * @param relativeToBaseline whether {@code value} is a factor over the baseline
 */
public record BreachThreshold(MetricName metric, double value, boolean relativeToBaseline) {

    public BreachThreshold {
        Objects.requireNonNull(metric, "metric");
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("threshold of " + metric + " must be a finite number, was " + value);
        }
        if (relativeToBaseline && !(value > 1)) {
            throw new IllegalArgumentException("relative threshold of " + metric + " must be a factor > 1, was " + value);
        }
    }

    public static BreachThreshold absolute(MetricName metric, double value) {
        return new BreachThreshold(metric, value, false);
    }

    public static BreachThreshold overBaseline(MetricName metric, double factor) {
        return new BreachThreshold(metric, factor, true);
    }

    /** The threshold for a series whose baseline is given (ignored when absolute). */
    public double resolve(double baseline) {
        return relativeToBaseline ? value * baseline : value;
    }
}
