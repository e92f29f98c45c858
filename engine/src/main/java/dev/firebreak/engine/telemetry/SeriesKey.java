package dev.firebreak.engine.telemetry;

import java.util.Objects;

/** Identifies one time series: one metric of one component. */
public record SeriesKey(String componentId, MetricName metric) {
    public SeriesKey {
        Objects.requireNonNull(componentId, "componentId");
        Objects.requireNonNull(metric, "metric");
    }

    @Override
    public String toString() {
        return componentId + "/" + metric.name().toLowerCase(java.util.Locale.ROOT);
    }
}
