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

    /**
     * The 0.25, 0.5 and 0.75 quantiles of the first n values, interpolated as {@link #sortedQuantile} does, by three
     * selections on shrinking ranges instead of a sort (the analysis summarises tens of thousands of series). The
     * array is reordered. Returns {q1, median, q3}; NaNs for n = 0.
     */
    static double[] quartiles(double[] a, int n) {
        if (n == 0) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN};
        }
        double medianPosition = 0.5 * (n - 1);
        int m = (int) Math.floor(medianPosition);
        selectIn(a, 0, n, m);
        double median = interpolate(a, m, n, medianPosition);
        double q1Position = 0.25 * (n - 1);
        int k1 = (int) Math.floor(q1Position);
        // the m smallest are in [0, m): the k1-th of them is the k1-th of all
        selectIn(a, 0, m, k1);
        double q1 = interpolate(a, k1, k1 + 1 < m ? m : n, q1Position);
        double q3Position = 0.75 * (n - 1);
        int k3 = (int) Math.floor(q3Position);
        selectIn(a, m + 1, n, k3);
        double q3 = interpolate(a, k3, n, q3Position);
        return new double[] {q1, median, q3};
    }

    /**
     * a[k] is the k-th order statistic and everything in (k, until) is at least as large: the next order statistic is
     * their minimum (or a[until] when the range is empty and until is the next selected position).
     */
    private static double interpolate(double[] a, int k, int until, double position) {
        if (position == k || k + 1 >= a.length) {
            return a[k];
        }
        double next = k + 1 < until ? Double.POSITIVE_INFINITY : a[k + 1];
        for (int i = k + 1; i < until; i++) {
            next = Math.min(next, a[i]);
        }
        return a[k] + (position - k) * (next - a[k]);
    }

    /** The k-th smallest (0-based) of the first n values (Hoare's selection). */
    static double select(double[] a, int n, int k) {
        return selectIn(a, 0, n, k);
    }

    /** Places the k-th order statistic of a[from, until) at a[k] (k in that range), smaller left, larger right. */
    private static double selectIn(double[] a, int from, int until, int k) {
        if (k < from || k >= until) {
            return a[k];
        }
        int left = from;
        int right = until - 1;
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
