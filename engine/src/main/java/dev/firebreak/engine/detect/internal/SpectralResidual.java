package dev.firebreak.engine.detect.internal;

/** Experimental: spectral-residual saliency (Ren et al. 2019) of the newest value, on a sliding window. */
final class SpectralResidual {

    private static final int EXTEND = 5;
    private static final int AVG = 3;
    private final int n;
    private final int z;
    private final double[] ring;
    private long seen;
    private final double[] cos;
    private final double[] sin;
    private final int big;

    SpectralResidual(int window, int z) {
        this.n = window;
        this.z = z;
        this.ring = new double[window];
        this.big = window + EXTEND;
        cos = new double[big];
        sin = new double[big];
        for (int k = 0; k < big; k++) {
            cos[k] = Math.cos(2 * Math.PI * k / big);
            sin[k] = Math.sin(2 * Math.PI * k / big);
        }
    }

    /** Learns value; returns the saliency score of it, or NaN while the window fills. */
    double update(double value) {
        ring[(int) (seen % n)] = value;
        seen++;
        if (seen < n) {
            return Double.NaN;
        }
        double[] x = new double[big];
        for (int i = 0; i < n; i++) {
            x[i] = ring[(int) ((seen - n + i) % n)];
        }
        // Extend with the average gradient of the last points so the newest point is not at the edge.
        int m = Math.min(5, n - 1);
        double g = 0;
        for (int i = 1; i <= m; i++) {
            g += (x[n - 1] - x[n - 1 - i]) / i;
        }
        double next = x[n - m] + g;
        for (int i = n; i < big; i++) {
            x[i] = next;
        }
        double[] re = new double[big];
        double[] im = new double[big];
        for (int k = 0; k < big; k++) {
            double r = 0;
            double q = 0;
            for (int t = 0; t < big; t++) {
                int idx = (int) ((long) k * t % big);
                r += x[t] * cos[idx];
                q -= x[t] * sin[idx];
            }
            re[k] = r;
            im[k] = q;
        }
        double[] logAmp = new double[big];
        for (int k = 0; k < big; k++) {
            logAmp[k] = Math.log(Math.hypot(re[k], im[k]) + 1e-8);
        }
        double[] sr = new double[big];
        for (int k = 0; k < big; k++) {
            double s = 0;
            int c = 0;
            for (int j = k - AVG / 2; j <= k + AVG / 2; j++) {
                if (j >= 0 && j < big) {
                    s += logAmp[j];
                    c++;
                }
            }
            sr[k] = logAmp[k] - s / c;
        }
        // spectral components exp(R) with the original phase
        double[] er = new double[big];
        double[] ei = new double[big];
        for (int k = 0; k < big; k++) {
            double amp = Math.hypot(re[k], im[k]) + 1e-8;
            double scale = Math.exp(sr[k]) / amp;
            er[k] = re[k] * scale;
            ei[k] = im[k] * scale;
        }
        // saliency of the last z+1 real points
        double[] sal = new double[z + 1];
        for (int j = 0; j <= z; j++) {
            int t = n - 1 - z + j;
            double r = 0;
            double q = 0;
            for (int k = 0; k < big; k++) {
                int idx = (int) ((long) k * t % big);
                r += er[k] * cos[idx] - ei[k] * sin[idx];
                q += er[k] * sin[idx] + ei[k] * cos[idx];
            }
            sal[j] = Math.hypot(r, q) / big;
        }
        double mean = 0;
        for (int j = 0; j < z; j++) {
            mean += sal[j];
        }
        mean /= z;
        return mean <= 0 ? 0 : (sal[z] - mean) / mean;
    }
}
