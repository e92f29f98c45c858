package dev.firebreak.engine.detect.ml.internal;

import java.util.Arrays;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Reconstruction through the principal subspace of the scaled training window: the vector is
 * projected onto the k leading components and back, and the raw score is the squared reconstruction
 * error (the "SPE" or Q statistic of process monitoring).
 *
 * <p>A linear autoencoder with a k-unit bottleneck trained to convergence learns exactly this
 * subspace; PCA gets it in closed form, deterministically, in microseconds for a handful of
 * features, with no learning rate or epochs to tune. Vectors that keep the usual correlations
 * (latency and CPU following load) reconstruct well; vectors that break them do not.
 */
final class PcaReconstructionModel implements VectorModel {

    private final RobustScaler scaler;
    private final double[] mean;
    /** Row-major k x d: the kept components. */
    private final double[] components;
    private final int kept;
    private final int dimension;
    private final ScoreCalibration calibration;
    private final ThreadLocal<double[]> scratch;

    private PcaReconstructionModel(RobustScaler scaler, double[] mean, double[] components, int kept,
            double[][] scaledRows, double thresholdPercentile) {
        this.scaler = scaler;
        this.mean = mean;
        this.components = components;
        this.kept = kept;
        this.dimension = mean.length;
        this.scratch = ThreadLocal.withInitial(() -> new double[dimension]);
        double[] errors = new double[scaledRows.length];
        for (int i = 0; i < scaledRows.length; i++) {
            errors[i] = rawScore(scaledRows[i]);
        }
        this.calibration = ScoreCalibration.of(errors, thresholdPercentile);
    }

    static ModelTrainer trainer(double varianceToKeep, double thresholdPercentile) {
        return rawRows -> fit(rawRows, varianceToKeep, thresholdPercentile);
    }

    static PcaReconstructionModel fit(double[][] rawRows, double varianceToKeep, double thresholdPercentile) {
        int d = rawRows[0].length;
        RobustScaler scaler = RobustScaler.fit(rawRows, d);
        double[][] scaled = scaler.transformAll(rawRows);
        double[] mean = Covariance.means(scaled);
        double[][] covariance = Covariance.of(scaled, mean);
        EigenDecomposition eigen = new EigenDecomposition(new Array2DRowRealMatrix(covariance, false));
        double[] eigenvalues = eigen.getRealEigenvalues();
        Integer[] order = byDescendingValue(eigenvalues);
        int kept = componentsToKeep(eigenvalues, order, varianceToKeep);
        RealMatrix vectors = eigen.getV();
        double[] components = new double[kept * d];
        for (int c = 0; c < kept; c++) {
            for (int f = 0; f < d; f++) {
                components[c * d + f] = vectors.getEntry(f, order[c]);
            }
        }
        return new PcaReconstructionModel(scaler, mean, components, kept, scaled, thresholdPercentile);
    }

    private static Integer[] byDescendingValue(double[] values) {
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(values[y], values[x]));
        return order;
    }

    /**
     * The fewest leading components explaining {@code varianceToKeep} of the variance, but always
     * fewer than d: with all d kept every vector reconstructs perfectly and nothing could be flagged.
     */
    private static int componentsToKeep(double[] eigenvalues, Integer[] order, double varianceToKeep) {
        double total = 0;
        for (double value : eigenvalues) {
            total += Math.max(0, value);
        }
        int d = eigenvalues.length;
        if (total <= 0) {
            return 1;
        }
        double explained = 0;
        for (int c = 0; c < d - 1; c++) {
            explained += Math.max(0, eigenvalues[order[c]]);
            if (explained / total >= varianceToKeep) {
                return c + 1;
            }
        }
        return d - 1;
    }

    int keptComponents() {
        return kept;
    }

    @Override
    public RobustScaler scaler() {
        return scaler;
    }

    @Override
    public ScoreCalibration calibration() {
        return calibration;
    }

    @Override
    public double rawScore(double[] scaled) {
        double[] residual = scratch.get();
        residual(scaled, residual);
        double error = 0;
        for (int f = 0; f < dimension; f++) {
            error += residual[f] * residual[f];
        }
        return error;
    }

    private void residual(double[] scaled, double[] out) {
        for (int f = 0; f < dimension; f++) {
            out[f] = scaled[f] - mean[f];
        }
        // out <- centred - V V^T centred, one component at a time: the components are orthonormal,
        // so projecting the partly reduced vector gives the same coefficient as projecting the original.
        for (int c = 0; c < kept; c++) {
            double projection = 0;
            int base = c * dimension;
            for (int f = 0; f < dimension; f++) {
                projection += out[f] * components[base + f];
            }
            for (int f = 0; f < dimension; f++) {
                out[f] -= projection * components[base + f];
            }
        }
    }

    @Override
    public void attribution(double[] scaled, double[] out) {
        residual(scaled, out);
        for (int f = 0; f < dimension; f++) {
            out[f] = out[f] * out[f];
        }
    }

    @Override
    public String measureName() {
        return "reconstruction error";
    }
}
