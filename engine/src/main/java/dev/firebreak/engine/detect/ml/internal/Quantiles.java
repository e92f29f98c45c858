package dev.firebreak.engine.detect.ml.internal;

/** Linear-interpolated quantiles of sorted data (the "type 7" definition most tools use). */
final class Quantiles {

    private Quantiles() {
    }

    static double ofSorted(double[] sorted, int count, double p) {
        if (count == 1) {
            return sorted[0];
        }
        double position = p * (count - 1);
        int lower = (int) Math.floor(position);
        int upper = Math.min(lower + 1, count - 1);
        double fraction = position - lower;
        return sorted[lower] + fraction * (sorted[upper] - sorted[lower]);
    }
}
