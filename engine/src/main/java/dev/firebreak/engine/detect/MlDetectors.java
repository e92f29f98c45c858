package dev.firebreak.engine.detect;

import dev.firebreak.engine.detect.internal.ml.MlDetectorFactory;
import dev.firebreak.engine.telemetry.MetricName;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * Creates the ML detectors over a component's metric vector. One detector instance per component;
 * {@link VectorDetector#update} from one thread, while refits run on {@code retrainExecutor} (a
 * small shared pool in the console, a direct executor in tests and benchmarks).
 */
public final class MlDetectors {

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
     * The vector detectors the console ships: one isolation forest (default configuration) per
     * component that reports at least two metrics, features named after the metrics.
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
}
