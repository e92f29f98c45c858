package dev.firebreak.engine.detect.internal;

import dev.firebreak.engine.detect.composite.CompositeConfig;
import dev.firebreak.engine.detect.config.DetectionConfig;
import dev.firebreak.engine.detect.config.MetricDetectionConfig;
import dev.firebreak.engine.telemetry.MetricName;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Settings asked for from any thread (the settings screen's), taken over by the detection thread at its next
 * tick: the tick never sees settings change halfway through.
 */
public final class SettingsRequests {

    /** What a tick took over: the settings, the metrics whose detectors must be rebuilt, and whether scoring changed. */
    public record Adopted(DetectionConfig config, Set<MetricName> metrics, boolean composite) {
    }

    private volatile DetectionConfig requested;
    private final EnumSet<MetricName> metrics = EnumSet.noneOf(MetricName.class);
    private boolean composite;

    public SettingsRequests(DetectionConfig initial) {
        this.requested = Objects.requireNonNull(initial, "initial");
    }

    /** The settings asked for, including any not yet taken over; any thread. */
    public DetectionConfig requested() {
        return requested;
    }

    public synchronized void request(MetricName metric, MetricDetectionConfig metricConfig) {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(metricConfig, "metricConfig");
        Map<MetricName, MetricDetectionConfig> perMetric = new EnumMap<>(requested.perMetric());
        perMetric.put(metric, metricConfig);
        requested = new DetectionConfig(perMetric, requested.fallback(), requested.composite(), requested.health());
        metrics.add(metric);
    }

    public synchronized void request(CompositeConfig compositeConfig) {
        Objects.requireNonNull(compositeConfig, "composite");
        DetectionConfig now = requested;
        requested = new DetectionConfig(now.perMetric(), now.fallback(), compositeConfig, now.health());
        composite = true;
    }

    /** Takes over what was asked for since the last call; null if nothing was. */
    public synchronized Adopted adopt() {
        if (metrics.isEmpty() && !composite) {
            return null;
        }
        Adopted adopted = new Adopted(requested, EnumSet.copyOf(metrics), composite);
        metrics.clear();
        composite = false;
        return adopted;
    }
}
