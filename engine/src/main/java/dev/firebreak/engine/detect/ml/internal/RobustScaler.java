package dev.firebreak.engine.detect.ml.internal;

import java.util.Arrays;

/**
 * Per-feature robust scaling, z = (x - median) / (IQR / 1.349), fitted once on a training window.
 *
 * <p>Median and IQR rather than mean and standard deviation so that the anomalies still inside the
 * window do not stretch the scale that is meant to expose them. Missing values (NaN) are imputed with
 * the median (z = 0) and reported, so a detector can say what it did not see.
 */
final class RobustScaler {

    /** IQR of a unit normal: dividing by it makes z comparable to a standard score. */
    private static final double IQR_OF_NORMAL = 1.349;
    /** Mean absolute deviation of a unit normal, for features whose IQR is zero. */
    private static final double MAD_OF_NORMAL = 0.7979;
    /** Beyond this a feature is simply "far out"; clipping keeps squared errors finite. */
    static final double Z_LIMIT = 1000;

    private final double[] medians;
    private final double[] scales;

    private RobustScaler(double[] medians, double[] scales) {
        this.medians = medians;
        this.scales = scales;
    }

    /** Fits on the rows (each of the same length), ignoring NaN entries. */
    static RobustScaler fit(double[][] rows, int dimension) {
        double[] medians = new double[dimension];
        double[] scales = new double[dimension];
        double[] column = new double[rows.length];
        for (int f = 0; f < dimension; f++) {
            int count = 0;
            for (double[] row : rows) {
                if (!Double.isNaN(row[f])) {
                    column[count++] = row[f];
                }
            }
            if (count == 0) {
                // Never seen: every value will be imputed, scale irrelevant.
                medians[f] = 0;
                scales[f] = 1;
                continue;
            }
            Arrays.sort(column, 0, count);
            medians[f] = Quantiles.ofSorted(column, count, 0.5);
            scales[f] = scale(column, count, medians[f]);
        }
        return new RobustScaler(medians, scales);
    }

    private static double scale(double[] sorted, int count, double median) {
        double iqr = Quantiles.ofSorted(sorted, count, 0.75) - Quantiles.ofSorted(sorted, count, 0.25);
        if (iqr > 0) {
            return iqr / IQR_OF_NORMAL;
        }
        // Mostly-constant features (an error rate that sits at 0) have no IQR; fall back to the mean
        // absolute deviation, and for a truly constant one to 1 % of its level, so any move stands out.
        double sum = 0;
        for (int i = 0; i < count; i++) {
            sum += Math.abs(sorted[i] - median);
        }
        double mad = sum / count;
        if (mad > 0) {
            return mad / MAD_OF_NORMAL;
        }
        return Math.max(Math.abs(median) * 0.01, 1e-6);
    }

    int dimension() {
        return medians.length;
    }

    double median(int feature) {
        return medians[feature];
    }

    /**
     * Writes the scaled vector into {@code out}, imputing NaN with the median.
     *
     * @return how many features were imputed (their flags set in {@code imputed})
     */
    int transform(double[] raw, double[] out, boolean[] imputed) {
        int missing = 0;
        for (int f = 0; f < medians.length; f++) {
            double value = raw[f];
            if (Double.isNaN(value)) {
                out[f] = 0;
                imputed[f] = true;
                missing++;
            } else {
                double z = (value - medians[f]) / scales[f];
                out[f] = Math.max(-Z_LIMIT, Math.min(Z_LIMIT, z));
                imputed[f] = false;
            }
        }
        return missing;
    }

    /** Scales every row of a training window (NaN imputed), for fitting a model on it. */
    double[][] transformAll(double[][] rows) {
        double[][] result = new double[rows.length][medians.length];
        boolean[] ignored = new boolean[medians.length];
        for (int i = 0; i < rows.length; i++) {
            transform(rows[i], result[i], ignored);
        }
        return result;
    }
}
