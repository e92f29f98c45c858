package dev.firebreak.engine.rca;

import java.util.Objects;

/**
 * What hurts: the node and metric an incident is about, and when it started to hurt.
 *
 * @param node        node id
 * @param metric      metric name; may name a metric the node does not report (the analysis then uses all of them)
 * @param epochSecond when the symptom was seen
 */
public record Symptom(String node, String metric, long epochSecond) {
    public Symptom {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(metric, "metric");
    }
}
