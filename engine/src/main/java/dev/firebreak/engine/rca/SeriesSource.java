package dev.firebreak.engine.rca;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

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

    /**
     * What a caller saw of its calls to a callee (from traces or client-side metrics), on the same axis; empty when
     * nobody measures calls separately. An anomaly here is the callee's, seen from outside: it counts for the callee
     * even when the callee's own metrics are quiet.
     */
    default Optional<double[]> callSeries(String caller, String callee, String metric) {
        return Optional.empty();
    }

    /**
     * The first epoch second whose calls ({@link #callSeries}) are not yet reported, when call telemetry arrives later
     * than the nodes' own series (in buckets, from a mesh or traces); empty when the calls are as complete as the rest.
     */
    default OptionalLong callsReportedUntil() {
        return OptionalLong.empty();
    }

    /**
     * The node's series written into {@code into} (as long as the axis); false, and {@code into} untouched, when the node
     * does not report the metric. For summaries that need each series only once: no array per series.
     */
    default boolean seriesInto(String node, String metric, double[] into) {
        Optional<double[]> series = series(node, metric);
        series.ifPresent(values -> {
            if (values.length != into.length) {
                throw new IllegalArgumentException("series " + node + "/" + metric + " has " + values.length
                        + " samples; the time axis has " + into.length);
            }
            System.arraycopy(values, 0, into, 0, into.length);
        });
        return series.isPresent();
    }

    /**
     * What names this source's history when the history never changes once written (the metric store: a second, once
     * past, keeps its sample), so that summaries of a past period may be kept between analyses; null, the default,
     * when nothing may be kept.
     */
    default Object history() {
        return null;
    }

    /** Series held in memory: node, then metric name, then values. */
    static SeriesSource of(Map<String, Map<String, double[]>> series) {
        return of(series, Map.of());
    }

    /**
     * Series held in memory, with call series keyed by {@link #callKey(String, String)}: caller and callee, then metric
     * name, then values.
     */
    static SeriesSource of(Map<String, Map<String, double[]>> series, Map<String, Map<String, double[]>> calls) {
        Map<String, Map<String, double[]>> nodes = Map.copyOf(series);
        Map<String, Map<String, double[]>> edges = Map.copyOf(calls);
        return new SeriesSource() {
            @Override
            public Optional<double[]> series(String node, String metric) {
                return Optional.ofNullable(nodes.getOrDefault(node, Map.of()).get(metric));
            }

            @Override
            public Optional<double[]> callSeries(String caller, String callee, String metric) {
                return Optional.ofNullable(edges.getOrDefault(callKey(caller, callee), Map.of()).get(metric));
            }
        };
    }

    static String callKey(String caller, String callee) {
        return caller + " -> " + callee;
    }
}
