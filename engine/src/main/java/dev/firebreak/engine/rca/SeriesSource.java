package dev.firebreak.engine.rca;

import java.util.Map;
import java.util.Optional;

/**
 * The metric series of an analysis, all on one time axis, read on demand: the analysis reads only the nodes it may
 * blame, so a large system costs what the incident's part of it costs.
 */
@FunctionalInterface
public interface SeriesSource {

    /**
     * One series over the whole axis ({@link RcaInput#times()}), missing samples as NaN; empty if the node does not
     * report the metric.
     */
    Optional<double[]> series(String node, String metric);

    /** Series held in memory: node, then metric name, then values. */
    static SeriesSource of(Map<String, Map<String, double[]>> series) {
        Map<String, Map<String, double[]>> copy = Map.copyOf(series);
        return (node, metric) -> Optional.ofNullable(copy.getOrDefault(node, Map.of()).get(metric));
    }
}
