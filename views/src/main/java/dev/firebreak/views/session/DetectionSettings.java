package dev.firebreak.views.session;

import dev.firebreak.engine.detect.composite.CompositeConfig;
import dev.firebreak.engine.detect.config.DetectionConfig;
import dev.firebreak.engine.detect.config.MetricDetectionConfig;
import dev.firebreak.engine.telemetry.MetricName;

/** The detection settings in force, and the one way to change them (audited and saved by the console). */
public interface DetectionSettings {

    /** The detection settings in force (including those applied since the last tick). */
    DetectionConfig detectionConfig();

    /**
     * Applies new detectors for a metric kind, and how scores combine (for every metric), to the running
     * detection; both take effect at the next tick.
     */
    void configureDetection(MetricName metric, MetricDetectionConfig detectors, CompositeConfig composite);
}
