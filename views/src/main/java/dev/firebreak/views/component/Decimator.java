package dev.firebreak.views.component;

/**
 * Reduces a long series to at most two points per pixel column (the min and the max of the samples
 * falling in it), so a chart of an hour of 1 s samples draws a few hundred segments yet still shows
 * every spike.
 */
public final class Decimator {

    /** Per column: min and max of its samples, NaN where the column has no (non-missing) sample. */
    public record Columns(double[] min, double[] max) {
        public int size() {
            return min.length;
        }
    }

    private Decimator() {
    }

    /**
     * @param values  samples on a regular grid, NaN for missing
     * @param from    index of the first sample to show
     * @param span    number of sample slots the chart's width stands for (samples past the end are empty)
     * @param columns pixel columns, positive
     */
    public static Columns minMax(double[] values, int from, int span, int columns) {
        if (columns <= 0) {
            throw new IllegalArgumentException("columns must be positive, was " + columns);
        }
        if (span <= 0) {
            throw new IllegalArgumentException("span must be positive, was " + span);
        }
        double[] min = new double[columns];
        double[] max = new double[columns];
        java.util.Arrays.fill(min, Double.NaN);
        java.util.Arrays.fill(max, Double.NaN);
        for (int slot = 0; slot < span; slot++) {
            int i = from + slot;
            if (i < 0 || i >= values.length || Double.isNaN(values[i])) {
                continue;
            }
            int column = (int) ((long) slot * columns / span);
            double v = values[i];
            if (Double.isNaN(min[column]) || v < min[column]) {
                min[column] = v;
            }
            if (Double.isNaN(max[column]) || v > max[column]) {
                max[column] = v;
            }
        }
        return new Columns(min, max);
    }

    /** A round upper bound for an axis: 1, 2, 2.5 or 5 times a power of ten, at least {@code value}. */
    public static double niceCeiling(double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= value) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }
}
