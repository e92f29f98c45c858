package dev.firebreak.engine.detect.ml.internal;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * How far each feature is from what the other features predict, in standard deviations of that
 * prediction: for a Gaussian fit with precision matrix P, (P z)_f / sqrt(P_ff). A vector that breaks
 * a correlation (high latency at low load) has ordinary robust z for every feature but a large
 * conditional deviation for the one that moved, which is what an explanation should name.
 */
final class ConditionalDeviation {

    /** Added to the covariance diagonal so collinear features (p95 and p99) still invert. */
    private static final double RIDGE = 1e-3;

    private final double[] precision;
    private final double[] inverseSqrtDiagonal;
    private final int dimension;

    private ConditionalDeviation(double[] precision, int dimension) {
        this.precision = precision;
        this.dimension = dimension;
        this.inverseSqrtDiagonal = new double[dimension];
        for (int f = 0; f < dimension; f++) {
            inverseSqrtDiagonal[f] = 1 / Math.sqrt(precision[f * dimension + f]);
        }
    }

    static ConditionalDeviation fit(double[][] scaledRows) {
        int d = scaledRows[0].length;
        double[][] covariance = Covariance.of(scaledRows, Covariance.means(scaledRows));
        for (int f = 0; f < d; f++) {
            covariance[f][f] += RIDGE;
        }
        RealMatrix inverse = new CholeskyDecomposition(new Array2DRowRealMatrix(covariance, false),
                1e-12, 1e-15).getSolver().getInverse();
        double[] precision = new double[d * d];
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                precision[a * d + b] = inverse.getEntry(a, b);
            }
        }
        return new ConditionalDeviation(precision, d);
    }

    /** Writes |conditional deviation| of each feature of the scaled vector into {@code out}. */
    void absoluteDeviations(double[] scaled, double[] out) {
        for (int a = 0; a < dimension; a++) {
            double sum = 0;
            int base = a * dimension;
            for (int b = 0; b < dimension; b++) {
                sum += precision[base + b] * scaled[b];
            }
            out[a] = Math.abs(sum * inverseSqrtDiagonal[a]);
        }
    }
}
