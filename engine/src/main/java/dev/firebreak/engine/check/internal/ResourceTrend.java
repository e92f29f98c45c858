package dev.firebreak.engine.check.internal;

import dev.firebreak.engine.telemetry.MetricName;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a resource is rising steadily toward its limit, from its last {@value #WINDOW_SECONDS} seconds of
 * samples: the least-squares slope of each half of the window must be at least {@value #MIN_RISE_PER_MINUTE}
 * points a minute (a steady rise, not a step: a step or a traffic burst lies within one half and leaves the
 * other flat), and the line through the whole window must reach the limit within {@value #HORIZON_MINUTES}
 * minutes. A value already over the limit is the limit check's business, not this one's.
 */
public final class ResourceTrend {

    /** Samples looked at: two halves of two minutes. */
    public static final int WINDOW_SECONDS = 240;
    /** The least rise, in points a minute, that counts as rising (a leak of the default 2 points a minute is far above). */
    public static final double MIN_RISE_PER_MINUTE = 0.3;
    /** How far ahead the rise is extended to the limit. */
    public static final int HORIZON_MINUTES = 60;
    /** Share of samples each half needs, so a gap does not fake a slope. */
    private static final double MIN_PRESENT = 0.8;

    private ResourceTrend() {
    }

    /**
     * Why the resource is rising toward its limit, or empty if it is not (or there is too little history).
     *
     * @param values one sample per second, oldest first, NaN where missing; only the last window is used
     */
    public static Optional<String> risingToward(MetricName metric, double[] values, double limit) {
        if (values.length < WINDOW_SECONDS) {
            return Optional.empty();
        }
        int from = values.length - WINDOW_SECONDS;
        int half = WINDOW_SECONDS / 2;
        double minSlope = MIN_RISE_PER_MINUTE / 60;
        Fit first = Fit.of(values, from, from + half);
        Fit second = Fit.of(values, from + half, values.length);
        if (first == null || second == null || first.slope < minSlope || second.slope < minSlope) {
            return Optional.empty();
        }
        Fit whole = Fit.of(values, from, values.length);
        double now = whole.valueAt(values.length - 1);
        if (now >= limit || now + whole.slope * HORIZON_MINUTES * 60 < limit) {
            return Optional.empty();
        }
        long minutes = Math.max(1, Math.round((limit - now) / (whole.slope * 60)));
        return Optional.of(String.format(Locale.ROOT,
                "%s rising toward its limit: %.1f %s now, +%.1f points a minute, %.0f %s in about %d min",
                metric.label(), now, metric.unit(), whole.slope * 60, limit, metric.unit(), minutes));
    }

    /** A least-squares line over [from, to) of the samples, by index (one second apart). */
    private record Fit(double slope, double intercept) {

        static Fit of(double[] values, int from, int to) {
            int count = 0;
            double sumT = 0;
            double sumV = 0;
            for (int i = from; i < to; i++) {
                if (!Double.isNaN(values[i])) {
                    count++;
                    sumT += i;
                    sumV += values[i];
                }
            }
            if (count < MIN_PRESENT * (to - from) || count < 2) {
                return null;
            }
            double meanT = sumT / count;
            double meanV = sumV / count;
            double covariance = 0;
            double variance = 0;
            for (int i = from; i < to; i++) {
                if (!Double.isNaN(values[i])) {
                    covariance += (i - meanT) * (values[i] - meanV);
                    variance += (i - meanT) * (i - meanT);
                }
            }
            double slope = covariance / variance;
            return new Fit(slope, meanV - slope * meanT);
        }

        double valueAt(int index) {
            return intercept + slope * index;
        }
    }
}
