package dev.firebreak.engine.detect.ml.internal;

/** Column means and sample covariance of row-major data. */
final class Covariance {

    private Covariance() {
    }

    static double[] means(double[][] rows) {
        int d = rows[0].length;
        double[] mean = new double[d];
        for (double[] row : rows) {
            for (int f = 0; f < d; f++) {
                mean[f] += row[f];
            }
        }
        for (int f = 0; f < d; f++) {
            mean[f] /= rows.length;
        }
        return mean;
    }

    static double[][] of(double[][] rows, double[] mean) {
        int d = mean.length;
        double[][] covariance = new double[d][d];
        for (double[] row : rows) {
            for (int a = 0; a < d; a++) {
                double da = row[a] - mean[a];
                for (int b = a; b < d; b++) {
                    covariance[a][b] += da * (row[b] - mean[b]);
                }
            }
        }
        for (int a = 0; a < d; a++) {
            for (int b = a; b < d; b++) {
                covariance[a][b] /= Math.max(1, rows.length - 1);
                covariance[b][a] = covariance[a][b];
            }
        }
        return covariance;
    }
}
