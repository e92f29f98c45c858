package dev.firebreak.engine.predict;

import dev.firebreak.engine.event.EngineEvent;
import dev.firebreak.engine.telemetry.MetricName;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A series is forecast to breach its threshold within the horizon.
 *
 * @param at               when the prediction was made (engine time)
 * @param componentId      the component
 * @param metric           the metric forecast to breach
 * @param currentValue     the latest smoothed value
 * @param threshold        the value counted as a breach
 * @param expectedBreachAt when the point forecast reaches the threshold (the upper bound, if the point
 *                         forecast does not within the horizon)
 * @param leadTime         {@code expectedBreachAt - at}, never negative
 * @param earliestBreachAt when the upper interval bound reaches the threshold: the earliest plausible breach
 * @param probability      breach probability within the horizon, 0..1
 * @param anomalyScore     the component's anomaly score passed in, 0..1
 * @param criticality      the component's criticality from the topology, 0..1
 * @param risk             the combined risk, 0..1 (see {@link RiskWeights})
 */
public record PredictedFailure(Instant at, String componentId, MetricName metric, double currentValue,
        double threshold, Instant expectedBreachAt, Duration leadTime, Instant earliestBreachAt, double probability,
        double anomalyScore, double criticality, double risk) implements EngineEvent {

    public PredictedFailure {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(componentId, "componentId");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(expectedBreachAt, "expectedBreachAt");
        Objects.requireNonNull(leadTime, "leadTime");
        Objects.requireNonNull(earliestBreachAt, "earliestBreachAt");
        if (leadTime.isNegative()) {
            throw new IllegalArgumentException("leadTime must not be negative, was " + leadTime);
        }
        if (!(probability >= 0 && probability <= 1) || !(risk >= 0 && risk <= 1)) {
            throw new IllegalArgumentException("probability and risk must be in [0, 1], were " + probability + ", " + risk);
        }
    }
}
