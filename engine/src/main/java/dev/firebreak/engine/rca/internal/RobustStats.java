package dev.firebreak.engine.rca.internal;

/** Order statistics without sorting whole arrays: the analysis computes thousands per run. */
final class RobustStats {

    private RobustStats() {
    }

    /** The q-quantile (0..1) of the first n values of a scratch array, by selection; the array is reordered. */
    static double quantile(double[] values, int n, double q) {
        if (n == 0) {
            return Double.NaN;
        }
        double position = q * (n - 1);
        int low = (int) Math.floor(position);
        int high = Math.min(n - 1, low + 1);
        double lowValue = select(values, n, low);
        if (high == low) {
            return lowValue;
        }
        // after selection everything past `low` is at least as large: the next order statistic is their minimum
        double highValue = Double.POSITIVE_INFINITY;
        for (int i = low + 1; i < n; i++) {
            highValue = Math.min(highValue, values[i]);
        }
        return lowValue + (position - low) * (highValue - lowValue);
    }

    /** The q-quantile (0..1) of the first n values of a sorted array, interpolated as {@link #quantile} does. */
    static double sortedQuantile(double[] sorted, int n, double q) {
        if (n == 0) {
            return Double.NaN;
        }
        double position = q * (n - 1);
        int low = (int) Math.floor(position);
        int high = Math.min(n - 1, low + 1);
        return sorted[low] + (position - low) * (sorted[high] - sorted[low]);
    }

    /** The k-th smallest (0-based) of the first n values (Hoare's selection). */
    static double select(double[] a, int n, int k) {
        int left = 0;
        int right = n - 1;
        while (right > left) {
            double pivot = a[(left + right) >>> 1];
            int i = left;
            int j = right;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                right = j;
            } else if (k >= i) {
                left = i;
            } else {
                return a[k];
            }
        }
        return a[k];
    }

    /** Pearson correlation of two equally long series over the index range, NaN pairs skipped; 0 if undefined. */
    static double correlation(double[] x, double[] y, int from, int until) {
        double sx = 0;
        double sy = 0;
        int n = 0;
        for (int i = from; i < until; i++) {
            if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
                sx += x[i];
                sy += y[i];
                n++;
            }
        }
        if (n < 3) {
            return 0;
        }
        double mx = sx / n;
        double my = sy / n;
        double cxy = 0;
        double cxx = 0;
        double cyy = 0;
        for (int i = from; i < until; i++) {
            if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
                double dx = x[i] - mx;
                double dy = y[i] - my;
                cxy += dx * dy;
                cxx += dx * dx;
                cyy += dy * dy;
            }
        }
        return cxx <= 0 || cyy <= 0 ? 0 : cxy / Math.sqrt(cxx * cyy);
    }
}
