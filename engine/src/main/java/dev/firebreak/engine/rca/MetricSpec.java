package dev.firebreak.engine.rca;

import java.util.Objects;

/**
 * What a metric means to the analysis: how faults move it and which way is bad.
 *
 * @param name      the metric's name as the series use it
 * @param role      how the metric travels along calls
 * @param bad       which direction of change is a symptom
 * @param resource  for {@link Role#RESOURCE}: the resource in words ("memory", "disk"), used in the fault kind;
 *                  empty otherwise
 * @param quantile  for a {@link Role#LATENCY} percentile (p95 is 0.95): which share of requests were at least as
 *                  fast, in (0, 1); NaN for any other metric
 * @param saturatedAt for a {@link Role#RESOURCE} measured against the node's capacity: the level from which it is
 *                  saturated (90 for a percentage); NaN when its capacity is not known
 */
public record MetricSpec(String name, Role role, Bad bad, String resource, double quantile, double saturatedAt) {

    /** How a metric's anomaly travels along calls. */
    public enum Role {
        /** Response time: a slow callee makes its callers slow. */
        LATENCY,
        /** Failures (error rate, or availability with {@link Bad#DOWN}): a failing callee fails its callers. */
        ERRORS,
        /** Requests served: load travels from callers to callees. */
        TRAFFIC,
        /** A resource of the node itself (CPU, memory, disk, pools, queues). */
        RESOURCE
    }

    /** The direction of change that is a symptom. */
    public enum Bad { UP, DOWN, EITHER }

    public MetricSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(bad, "bad");
        Objects.requireNonNull(resource, "resource");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a metric needs a name");
        }
        if (role == Role.RESOURCE && resource.isBlank()) {
            throw new IllegalArgumentException("resource metric '" + name + "' needs the resource it measures in words");
        }
        if (!Double.isNaN(quantile) && (role != Role.LATENCY || !(quantile > 0 && quantile < 1))) {
            throw new IllegalArgumentException("metric '" + name + "': only a latency has a quantile, in (0, 1); was "
                    + role + " " + quantile);
        }
        if (!Double.isNaN(saturatedAt) && (role != Role.RESOURCE || !Double.isFinite(saturatedAt))) {
            throw new IllegalArgumentException("metric '" + name + "': only a resource saturates, at a finite level; was "
                    + role + " " + saturatedAt);
        }
    }

    /**
     * Where a resource measured in percent of the node's capacity (CPU, memory, disk) is saturated: the seeds'
     * health-check line ("cpu_usage < 90 %"). Root cause and healing's verification read the same line.
     */
    public static final double SATURATION_LINE_PERCENT = 90;

    public static MetricSpec of(String name, Role role, Bad bad) {
        return new MetricSpec(name, role, bad, role == Role.RESOURCE ? name : "", Double.NaN, Double.NaN);
    }

    public static MetricSpec resource(String name, String resource) {
        return new MetricSpec(name, Role.RESOURCE, Bad.UP, resource, Double.NaN, Double.NaN);
    }

    /** A resource measured against the node's capacity, saturated from {@code saturatedAt} (90 for a percentage). */
    public static MetricSpec resource(String name, String resource, double saturatedAt) {
        return new MetricSpec(name, Role.RESOURCE, Bad.UP, resource, Double.NaN, saturatedAt);
    }

    /** A latency percentile: {@code quantile} 0.99 for p99. */
    public static MetricSpec latencyQuantile(String name, double quantile) {
        return new MetricSpec(name, Role.LATENCY, Bad.UP, "", quantile, Double.NaN);
    }

    public boolean isLatencyQuantile() {
        return !Double.isNaN(quantile);
    }
}
