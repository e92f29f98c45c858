package dev.firebreak.engine.detect.ml;

import dev.firebreak.engine.telemetry.MetricName;
import dev.firebreak.engine.topology.Component;
import java.util.List;
import java.util.Optional;

/** Supplies the vector (ML) detectors for a component, if it should have any. */
@FunctionalInterface
public interface VectorDetectorFactory {

    /**
     * @param component the component
     * @param metrics   the order of the entries of the vectors the detector will see
     */
    Optional<VectorDetector> create(Component component, List<MetricName> metrics);

    static VectorDetectorFactory none() {
        return NONE;
    }

    /** The one factory that makes no detectors, so engines can tell whether they run any. */
    VectorDetectorFactory NONE = (component, metrics) -> Optional.empty();
}
