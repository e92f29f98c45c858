package dev.firebreak.engine.rca.internal;

import dev.firebreak.engine.rca.MetricSpec;
import java.util.Optional;

/** Reads one series into a {@link MetricReading}: median and IQR of the normal period, deviation after. */
final class Readings {

    /** The normal period is summarised from at most this many samples, evenly spaced: quantiles need no more. */
    static final int MAX_NORMAL_SAMPLES = 240;
    /** Fewer valid normal samples than this and the series cannot be judged. */
    static final int MIN_NORMAL_SAMPLES = 3;
    /** An IQR of 0 (a flat series) would make any wiggle infinite; the scale is at least this share of the median. */
    private static final double RELATIVE_SCALE_FLOOR = 0.001;
    private static final double ABSOLUTE_SCALE_FLOOR = 1e-6;
    /** IQR of the standard normal distribution: the scale is then comparable to a standard deviation. */
    private static final double IQR_TO_SIGMA = 1.349;
    /** Mean absolute deviation of the standard normal distribution, inverted. */
    private static final double MEAN_DEVIATION_TO_SIGMA = 1.2533;

    private final long[] times;
    private final int normalFrom;
    private final int normalUntil;
    /** The level is the median from here to the normal period's end: where the system was just before the onset. */
    private final int recentFrom;
    private final int anomalousFrom;
    private final int anomalousUntil;
    private final double threshold;
    private final double[] scratch;

    private final NormalSummaries summaries;
    private final Object history;

    Readings(long[] times, int normalFrom, int normalUntil, int recentFrom, int anomalousFrom, int anomalousUntil,
            double threshold) {
        this(times, normalFrom, normalUntil, recentFrom, anomalousFrom, anomalousUntil, threshold, null, null);
    }

    /** With {@code summaries} and a non-null {@code history}, normal summaries are kept and reused. */
    Readings(long[] times, int normalFrom, int normalUntil, int recentFrom, int anomalousFrom, int anomalousUntil,
            double threshold, NormalSummaries summaries, Object history) {
        this.summaries = history == null ? null : summaries;
        this.history = history;
        this.times = times;
        this.recentFrom = Math.max(normalFrom, recentFrom);
        this.normalFrom = normalFrom;
        this.normalUntil = normalUntil;
        this.anomalousFrom = anomalousFrom;
        this.anomalousUntil = anomalousUntil;
        this.threshold = threshold;
        this.scratch = new double[Math.max(MAX_NORMAL_SAMPLES, anomalousUntil - anomalousFrom) + 1];
    }

    /** Empty when the normal period has too few samples to judge the series by. */
    Optional<MetricReading> read(MetricSpec spec, double[] series, String where) {
        if (series.length != times.length) {
            throw new IllegalArgumentException("series " + where + " has " + series.length + " samples; the time axis has "
                    + times.length);
        }
        NormalSummaries.Key key = summaries == null || normalUntil <= normalFrom ? null
                : new NormalSummaries.Key(history, where, times[normalFrom], times[normalUntil - 1],
                        times[Math.min(recentFrom, normalUntil - 1)]);
        double[] known = key == null ? null : summaries.get(key);
        double[] summary = known != null ? known : summarise(series, where);
        if (summary == null) {
            return Optional.empty();
        }
        if (key != null && known == null) {
            summaries.put(key, summary);
        }
        double median = summary[0];
        double scale = summary[1];
        return anomalous(spec, series, where, median, scale);
    }

    /** {level, scale} of the normal period; null when it has too few samples to judge the series by. */
    private double[] summarise(double[] series, String where) {
        int span = normalUntil - normalFrom;
        int stride = Math.max(1, (span + MAX_NORMAL_SAMPLES - 1) / MAX_NORMAL_SAMPLES);
        int n = 0;
        for (int i = normalFrom; i < normalUntil; i += stride) {
            double v = series[i];
            if (Double.isInfinite(v)) {
                throw new IllegalArgumentException("series " + where + " has an infinite value at " + times[i]);
            }
            if (!Double.isNaN(v)) {
                scratch[n++] = v;
            }
        }
        if (n < MIN_NORMAL_SAMPLES) {
            return null;
        }
        double[] quartiles = RobustStats.quartiles(scratch, n);
        double q1 = quartiles[0];
        double centre = quartiles[1];
        double q3 = quartiles[2];
        // when the recent part is the whole normal period its median is the one just found
        double median = recentFrom <= normalFrom ? centre : recentLevel(series);
        if (Double.isNaN(median)) {
            median = centre;
        }
        double spread = (q3 - q1) / IQR_TO_SIGMA;
        if (spread <= 0) {
            // more than half the samples equal (a mostly idle series): the mean absolute deviation still sees the
            // bursts, where the IQR sees none and would make any sample an outlier
            spread = MEAN_DEVIATION_TO_SIGMA * meanAbsoluteDeviation(scratch, n, centre);
        }
        double scale = Math.max(Math.max(spread, RELATIVE_SCALE_FLOOR * Math.abs(median)), ABSOLUTE_SCALE_FLOOR);
        return new double[] {median, scale};
    }

    private Optional<MetricReading> anomalous(MetricSpec spec, double[] series, String where, double median,
            double scale) {
        double sign = spec.bad() == MetricSpec.Bad.DOWN ? -1 : 1;
        boolean either = spec.bad() == MetricSpec.Bad.EITHER;
        int m = 0;
        long onset = Long.MAX_VALUE;
        long firstBeyond = Long.MAX_VALUE;
        boolean previousBeyond = false;
        long previousTime = Long.MAX_VALUE;
        int lastValid = -1;
        for (int i = anomalousFrom; i < anomalousUntil; i++) {
            double v = series[i];
            if (Double.isInfinite(v)) {
                throw new IllegalArgumentException("series " + where + " has an infinite value at " + times[i]);
            }
            if (Double.isNaN(v)) {
                continue;
            }
            double d = (v - median) / scale;
            d = either ? Math.abs(d) : sign * d;
            scratch[m++] = d;
            boolean beyond = d >= threshold;
            if (beyond && firstBeyond == Long.MAX_VALUE) {
                firstBeyond = times[i];
            }
            // two samples in a row beyond the threshold: one noisy sample does not set the onset
            if (onset == Long.MAX_VALUE && beyond && previousBeyond) {
                onset = previousTime;
            }
            previousBeyond = beyond;
            previousTime = times[i];
            lastValid = i;
        }
        if (onset == Long.MAX_VALUE && previousBeyond && lastValid >= 0) {
            onset = times[lastValid];
        }
        if (onset == Long.MAX_VALUE) {
            onset = firstBeyond;
        }
        if (m == 0) {
            return Optional.empty();
        }
        double high = m < 10 ? RobustStats.select(scratch, m, m - 1) : RobustStats.quantile(scratch, m, 0.9);
        double deviation = Math.max(0, high);
        double reached = either ? median + Math.signum(valueAtHigh(series, median)) * deviation * scale
                : median + sign * deviation * scale;
        return Optional.of(new MetricReading(spec, deviation, onset, median, reached, series, spec.name()));
    }

    private static double meanAbsoluteDeviation(double[] values, int n, double centre) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += Math.abs(values[i] - centre);
        }
        return sum / n;
    }

    /**
     * The median of the normal period's recent samples, NaN if none: a system that drifted since the start of the
     * normal period (or since reference data was recorded) is judged against where it was just before the onset,
     * with the spread of the whole period.
     */
    private double recentLevel(double[] series) {
        int stride = Math.max(1, (normalUntil - recentFrom + MAX_NORMAL_SAMPLES - 1) / MAX_NORMAL_SAMPLES);
        double[] recent = new double[Math.min(MAX_NORMAL_SAMPLES, normalUntil - recentFrom) + 1];
        int n = 0;
        for (int i = recentFrom; i < normalUntil; i += stride) {
            if (!Double.isNaN(series[i])) {
                recent[n++] = series[i];
            }
        }
        return n == 0 ? Double.NaN : RobustStats.quantile(recent, n, 0.5);
    }

    /** For a metric bad either way: which way the anomalous period went (its mean against the median). */
    private double valueAtHigh(double[] series, double median) {
        double sum = 0;
        int n = 0;
        for (int i = anomalousFrom; i < anomalousUntil; i++) {
            if (!Double.isNaN(series[i])) {
                sum += series[i] - median;
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }
}
