package dev.firebreak.engine.detect.config;

import dev.firebreak.engine.detect.composite.CompositeConfig;
import dev.firebreak.engine.detect.health.HealthConfig;
import dev.firebreak.engine.detect.series.MultiScaleConfig;
import dev.firebreak.engine.detect.series.PatternConfig;
import dev.firebreak.engine.telemetry.MetricName;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Everything detection can be tuned by: the detectors per metric kind, the composite score, and how
 * detection drives health. Immutable; change it by building a new one (the YAML loader does).
 *
 * @param perMetric  detectors for each metric kind (every {@link MetricName} must be present)
 * @param fallback   detectors for series whose kind is unknown (imported data, NAB)
 * @param composite  how scores combine per component
 * @param health     how composite severities move component health
 */
public record DetectionConfig(Map<MetricName, MetricDetectionConfig> perMetric, MetricDetectionConfig fallback,
        CompositeConfig composite, HealthConfig health) {

    public DetectionConfig {
        Objects.requireNonNull(perMetric, "perMetric");
        Objects.requireNonNull(fallback, "fallback");
        Objects.requireNonNull(composite, "composite");
        Objects.requireNonNull(health, "health");
        EnumMap<MetricName, MetricDetectionConfig> copy = new EnumMap<>(MetricName.class);
        for (MetricName metric : MetricName.values()) {
            MetricDetectionConfig config = perMetric.get(metric);
            if (config == null) {
                throw new IllegalArgumentException("no detection config for metric " + metric);
            }
            copy.put(metric, config);
        }
        perMetric = java.util.Collections.unmodifiableMap(copy);
    }

    public static DetectionConfig ofDefaults() {
        EnumMap<MetricName, MetricDetectionConfig> perMetric = new EnumMap<>(MetricName.class);
        for (MetricName metric : MetricName.values()) {
            perMetric.put(metric, MetricDetectionConfig.defaultFor(metric));
        }
        return new DetectionConfig(perMetric, MetricDetectionConfig.multiScaleAndPattern(MultiScaleConfig.ofDefaults(),
                PatternConfig.ofDefaults()), CompositeConfig.ofDefaults(), HealthConfig.ofDefaults());
    }

    /**
     * The one configuration the NAB benchmark runs with: the scale-free multi-scale detector with range novelty and
     * adaptive resonance ({@link MultiScaleConfig#forNab()}) joined with the nearest-neighbour pattern surprise,
     * because NAB's series have arbitrary units and sampling intervals. It is the fallback of the defaults plus range
     * novelty and adaptive resonance.
     */
    public static DetectionConfig nab() {
        DetectionConfig defaults = ofDefaults();
        MetricDetectionConfig nab = MetricDetectionConfig.multiScaleAndPattern(MultiScaleConfig.forNab(),
                PatternConfig.ofDefaults());
        EnumMap<MetricName, MetricDetectionConfig> perMetric = new EnumMap<>(MetricName.class);
        for (MetricName metric : MetricName.values()) {
            perMetric.put(metric, nab);
        }
        return new DetectionConfig(perMetric, nab, defaults.composite(), defaults.health());
    }

    public MetricDetectionConfig forMetric(MetricName metric) {
        return perMetric.get(metric);
    }
}
