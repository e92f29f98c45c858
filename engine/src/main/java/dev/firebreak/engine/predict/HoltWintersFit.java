package dev.firebreak.engine.predict;

import java.util.Objects;

/**
 * Picks Holt-Winters smoothing parameters for a series by grid search, minimising the mean squared
 * one-step error over a training prefix (after the model's own two-season warm-up). Cheap enough to
 * run when a series is opened in the forecast view: a few hundred passes over the prefix.
 */
public final class HoltWintersFit {

    private static final double[] ALPHAS = {0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.8};
    private static final double[] BETAS = {0, 0.01, 0.05, 0.15};
    private static final double[] GAMMAS = {0.02, 0.05, 0.1, 0.2, 0.4};
    private static final double[] PHIS = {0.9, 0.98, 1};

    private HoltWintersFit() {
    }

    /**
     * @param training the prefix to fit on; must hold more than the model's warm-up
     * @param base     season length, seasonality and residual window to keep; its smoothing is replaced
     * @throws IllegalArgumentException if the prefix is too short to score any one-step error
     */
    public static HoltWintersConfig fit(double[] training, HoltWintersConfig base) {
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(base, "base");
        int warmup = base.seasonLength() == 1 ? 2 : 2 * base.seasonLength();
        if (training.length <= warmup + 1) {
            throw new IllegalArgumentException("fitting needs more than " + (warmup + 1) + " training values, got "
                    + training.length);
        }
        boolean seasonal = base.seasonality() != Seasonality.NONE;
        HoltWintersConfig best = base;
        double bestError = Double.POSITIVE_INFINITY;
        for (double alpha : ALPHAS) {
            for (double beta : BETAS) {
                for (double gamma : seasonal ? GAMMAS : new double[] {0}) {
                    for (double phi : PHIS) {
                        HoltWintersConfig candidate = base.withSmoothing(alpha, beta, gamma, phi);
                        double error = oneStepError(training, candidate, warmup);
                        if (error < bestError) {
                            bestError = error;
                            best = candidate;
                        }
                    }
                }
            }
        }
        return best;
    }

    private static double oneStepError(double[] training, HoltWintersConfig config, int warmup) {
        Forecaster model = Forecasters.holtWinters(config);
        double sum = 0;
        long count = 0;
        for (int t = 0; t < training.length - 1; t++) {
            model.update(training[t]);
            double next = training[t + 1];
            if (t >= warmup && model.isReady() && Double.isFinite(next)) {
                double error = next - model.forecast(1, 0.5).mean()[0];
                sum += error * error;
                count++;
            }
        }
        return count == 0 ? Double.POSITIVE_INFINITY : sum / count;
    }
}
