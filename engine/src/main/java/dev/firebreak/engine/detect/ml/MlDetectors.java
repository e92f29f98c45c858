package dev.firebreak.engine.detect.ml;

import dev.firebreak.engine.detect.ml.internal.ConfirmedVectorDetector;
import dev.firebreak.engine.detect.ml.internal.MlDetectorFactory;
import dev.firebreak.engine.telemetry.MetricName;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Creates the ML detectors over a component's metric vector. One detector instance per component;
 * {@link VectorDetector#update} from one thread, while refits run on {@code retrainExecutor} (a
 * small shared pool in the console, a direct executor in tests and benchmarks).
 */
public final class MlDetectors {

    /**
     * Percentile of a model's training scores that the shipped detectors calibrate against: an extreme
     * of normal (about the 2nd-highest of a 2048-vector window), not the 99th percentile (ADR 0012).
     */
    public static final double SHIPPED_THRESHOLD_PERCENTILE = 0.999;

    /**
     * Metrics left out of the shipped models' vectors: disk use only grows (between clean-ups), so every
     * new value lies beyond the training window and the models would flag the drift itself (ADR 0012).
     * Its own detectors (rate of change, seasonal band) still watch it.
     */
    public static final Set<MetricName> SHIPPED_EXCLUDED = Set.of(MetricName.DISK_USED);

    private MlDetectors() {
    }

    /**
     * An isolation forest (Smile) over the named features, refitted in the background.
     *
     * @param featureNames    one name per vector entry, e.g. "latency_p99"; at least 2
     * @param retrainExecutor where refits run; scoring never waits for them
     */
    public static VectorDetector isolationForest(IsolationForestConfig config, List<String> featureNames,
            Executor retrainExecutor) {
        return MlDetectorFactory.isolationForest(config, featureNames, retrainExecutor);
    }

    /**
     * A reconstruction-error detector (principal subspace of the scaled window) over the named
     * features, refitted in the background.
     */
    public static VectorDetector reconstruction(ReconstructionConfig config, List<String> featureNames,
            Executor retrainExecutor) {
        return MlDetectorFactory.reconstruction(config, featureNames, retrainExecutor);
    }

    /**
     * One raw isolation forest (default configuration, flags its training window's 99th percentile) per
     * component that reports at least two metrics, features named after the metrics. Not what the console
     * ships (see {@link #shipped}); kept to measure the difference (ADR 0012).
     *
     * @param retrainExecutor where refits run; scoring never waits for them
     */
    public static VectorDetectorFactory vectorFactory(Executor retrainExecutor) {
        return (component, metrics) -> {
            if (metrics.size() < 2) {
                return Optional.empty();
            }
            List<String> names = new ArrayList<>(metrics.size());
            for (MetricName metric : metrics) {
                names.add(metric.name().toLowerCase(Locale.ROOT));
            }
            return Optional.of(isolationForest(IsolationForestConfig.ofDefaults(), names, retrainExecutor));
        };
    }

    /** The shipped isolation forest: defaults, calibrated against {@link #SHIPPED_THRESHOLD_PERCENTILE}. */
    public static IsolationForestConfig shippedForest() {
        IsolationForestConfig d = IsolationForestConfig.ofDefaults();
        return new IsolationForestConfig(d.windowSize(), d.subsampleSize(), d.trees(), d.retrainEvery(),
                d.minTrainingSamples(), SHIPPED_THRESHOLD_PERCENTILE, d.admitAnomalousEvery(), d.implementation(),
                d.seed());
    }

    /** The shipped reconstruction detector: defaults, calibrated against {@link #SHIPPED_THRESHOLD_PERCENTILE}. */
    public static ReconstructionConfig shippedReconstruction() {
        ReconstructionConfig d = ReconstructionConfig.ofDefaults();
        return new ReconstructionConfig(d.windowSize(), d.retrainEvery(), d.minTrainingSamples(), d.varianceToKeep(),
                SHIPPED_THRESHOLD_PERCENTILE, d.admitAnomalousEvery());
    }

    /**
     * The ML evidence the console ships (ADR 0012), one detector per component that reports at least two
     * metrics: an isolation forest and a reconstruction-error model over the component's vector, each
     * counted only when confirmed ({@link MlConfirmationConfig}); otherwise the ML family abstains.
     *
     * @param retrainExecutor where refits run; scoring never waits for them
     */
    /**
     * The largest topology the console runs the ML family on: a component's forest, reconstruction model
     * and training windows take about a megabyte, so 300 components stay within a few hundred megabytes
     * of the console's 1 GB heap beside the metric store (ADR 0012).
     */
    public static final int SHIPPED_MAX_COMPONENTS = 300;

    public static VectorDetectorFactory shipped(Executor retrainExecutor) {
        return confirmed(shippedForest(), shippedReconstruction(), MlConfirmationConfig.ofDefaults(), retrainExecutor);
    }

    /** Like {@link #shipped} with other settings, for measuring alternatives. */
    public static VectorDetectorFactory confirmed(IsolationForestConfig forest, ReconstructionConfig reconstruction,
            MlConfirmationConfig confirmation, Executor retrainExecutor) {
        return (component, metrics) -> {
            List<MetricName> kept = new ArrayList<>(metrics.size());
            int[] indices = new int[metrics.size()];
            for (int i = 0; i < metrics.size(); i++) {
                if (!SHIPPED_EXCLUDED.contains(metrics.get(i))) {
                    indices[kept.size()] = i;
                    kept.add(metrics.get(i));
                }
            }
            if (kept.size() < 2) {
                return Optional.empty();
            }
            List<String> names = featureNames(kept);
            return Optional.of(new ConfirmedVectorDetector(List.of(
                    isolationForest(forest, names, retrainExecutor),
                    reconstruction(reconstruction, names, retrainExecutor)), confirmation,
                    Arrays.copyOf(indices, kept.size())));
        };
    }

    /**
     * A background executor for refits: one daemon thread at minimum priority named "ml-refit", so fits
     * never hold up the detection thread nor keep the JVM alive. Shut it down with the session.
     */
    public static ExecutorService backgroundExecutor() {
        AtomicInteger count = new AtomicInteger();
        return Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "ml-refit-" + count.incrementAndGet());
            thread.setDaemon(true);
            thread.setPriority(Thread.MIN_PRIORITY);
            return thread;
        });
    }

    private static List<String> featureNames(List<MetricName> metrics) {
        List<String> names = new ArrayList<>(metrics.size());
        for (MetricName metric : metrics) {
            names.add(metric.name().toLowerCase(Locale.ROOT));
        }
        return names;
    }
}
