package dev.firebreak.engine.runbook;

import java.util.OptionalDouble;

/** The latest value of a component's metric, for {@code {{metrics.COMPONENT.METRIC}}} in conditions and arguments. */
@FunctionalInterface
public interface MetricSource {

    MetricSource NONE = (component, metric) -> OptionalDouble.empty();

    OptionalDouble latest(String componentId, String metric);
}
