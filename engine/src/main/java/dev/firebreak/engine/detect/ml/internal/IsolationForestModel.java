package dev.firebreak.engine.detect.ml.internal;

import dev.firebreak.engine.detect.ml.IsolationForestConfig;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleFunction;
import smile.anomaly.IsolationForest;

/**
 * An isolation forest over robust-scaled vectors: {@link CompactIsolationForest} (the default), or Smile's
 * as the reference. Both fit the extended variant at extension level 1 (each split a random hyperplane over
 * two features rather than an axis-parallel cut), which isolates vectors that break a correlation between
 * features, e.g. high latency at low load, not only vectors with an extreme single value (ADR 0013).
 *
 * <p>The raw score is Smile's s(x) = 2^(-E[h(x)] / c(n)): about 0.5 for ordinary points, towards 1
 * for points isolated in few splits.
 */
final class IsolationForestModel implements VectorModel {

    private final ToDoubleFunction<double[]> forest;
    private final RobustScaler scaler;
    private final ScoreCalibration calibration;
    private final ConditionalDeviation deviation;

    private IsolationForestModel(ToDoubleFunction<double[]> forest, RobustScaler scaler, ScoreCalibration calibration,
            ConditionalDeviation deviation) {
        this.forest = forest;
        this.scaler = scaler;
        this.calibration = calibration;
        this.deviation = deviation;
    }

    /** A trainer building {@code trees} trees on {@code subsampleSize} vectors drawn from each window. */
    static ModelTrainer trainer(IsolationForestConfig config) {
        // Each fit of one detector gets the next seed, so a run with a direct executor is reproducible.
        AtomicLong seeds = new AtomicLong(config.seed());
        return rawRows -> fit(rawRows, config, seeds.getAndIncrement());
    }

    static IsolationForestModel fit(double[][] rawRows, IsolationForestConfig config, long seed) {
        int trees = config.trees();
        int subsampleSize = config.subsampleSize();
        double thresholdPercentile = config.thresholdPercentile();
        int dimension = rawRows[0].length;
        RobustScaler scaler = RobustScaler.fit(rawRows, dimension);
        double[][] scaled = scaler.transformAll(rawRows);
        if (config.implementation() == IsolationForestConfig.Implementation.SMILE) {
            ToDoubleFunction<double[]> forest = smile(scaled, trees, subsampleSize);
            ScoreCalibration calibration = ScoreCalibration.of(trainingScores(forest, scaled), thresholdPercentile);
            return new IsolationForestModel(forest, scaler, calibration, ConditionalDeviation.fit(scaled));
        }
        CompactIsolationForest compact = CompactIsolationForest.fit(scaled, trees, subsampleSize, seed);
        ScoreCalibration calibration = ScoreCalibration.of(trainingScores(compact::score, scaled), thresholdPercentile);
        // Calibrated on every tree; scoring may stop early for vectors clearly below the threshold (ADR 0019).
        return new IsolationForestModel(compact.stoppingBelow(calibration.threshold(), scaled), scaler, calibration,
                ConditionalDeviation.fit(scaled));
    }

    private static double[] trainingScores(ToDoubleFunction<double[]> forest, double[][] scaled) {
        double[] scores = new double[scaled.length];
        for (int i = 0; i < scaled.length; i++) {
            scores[i] = forest.applyAsDouble(scaled[i]);
        }
        return scores;
    }

    private static ToDoubleFunction<double[]> smile(double[][] scaled, int trees, int subsampleSize) {
        // Smile takes the subsample as a fraction of the window and insists it is below 1.
        int subsample = Math.min(subsampleSize, scaled.length - 1);
        // Depth limit of the original paper: ceil(log2(subsample)), the average depth of an
        // unsuccessful search; deeper splits only separate normal points from each other.
        int maxDepth = Math.max(1, (int) Math.ceil(Math.log(subsample) / Math.log(2)));
        // Extension level 1: two features per split, like the compact forest (0 would be Liu's axis-parallel
        // forest, which cannot cut across a correlation).
        IsolationForest.Options options = new IsolationForest.Options(trees, maxDepth,
                (double) subsample / scaled.length, 1);
        return IsolationForest.fit(scaled, options)::score;
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
        return forest.applyAsDouble(scaled);
    }

    @Override
    public void attribution(double[] scaled, double[] out) {
        // The forest does not say which split isolated the point. Blame the feature furthest from
        // what the others predict: that names latency, not load, when latency is high at low load.
        deviation.absoluteDeviations(scaled, out);
    }

    @Override
    public String measureName() {
        return "isolation score";
    }
}
