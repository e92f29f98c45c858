package dev.firebreak.engine.rca;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything one analysis looks at, independent of where it came from (the simulator's store, PetShop's CSV files).
 *
 * @param graph     who calls whom
 * @param times     the common time axis, epoch seconds, strictly increasing
 * @param series    each node's series on that axis
 * @param metrics   what each metric name means; every metric the analysis reads is described here
 * @param normal    the period the system behaved normally (the reference)
 * @param anomalous the period to explain, from shortly before the onset to now
 * @param symptom   what hurts
 * @param affected  other nodes the incident already includes (the symptom's neighbours that alerted); may be empty
 * @param changes   changes made to nodes (deployments, configuration changes), any order
 * @param past      earlier incidents with a person's verdict on their cause
 * @param down      nodes whose own checks find instances they should have not serving now: direct evidence, like a
 *                  change; empty where no checks say so
 * @param flagged   nodes detection found anomalous since the normal period began. When given, a candidate below the
 *                  symptom is read only if it is flagged, down or changed, called by a flagged node or one of the
 *                  incident's, or on a call path down to any of those: a large graph's front-door incident makes every node
 *                  a candidate, and reading the thousands nothing points at cost most of the analysis. Empty: not
 *                  known, and every candidate is read
 */
public record RcaInput(CallGraph graph, long[] times, SeriesSource series, Map<String, MetricSpec> metrics, Period normal,
        Period anomalous, Symptom symptom, List<String> affected, List<ChangeRecord> changes, List<PastIncident> past,
        Set<String> down, Set<String> flagged) {

    /** Without detection's flags: every candidate is read. */
    public RcaInput(CallGraph graph, long[] times, SeriesSource series, Map<String, MetricSpec> metrics, Period normal,
            Period anomalous, Symptom symptom, List<String> affected, List<ChangeRecord> changes, List<PastIncident> past,
            Set<String> down) {
        this(graph, times, series, metrics, normal, anomalous, symptom, affected, changes, past, down, Set.of());
    }

    /** Without health checks. */
    public RcaInput(CallGraph graph, long[] times, SeriesSource series, Map<String, MetricSpec> metrics, Period normal,
            Period anomalous, Symptom symptom, List<String> affected, List<ChangeRecord> changes, List<PastIncident> past) {
        this(graph, times, series, metrics, normal, anomalous, symptom, affected, changes, past, Set.of());
    }

    public RcaInput {
        Objects.requireNonNull(graph, "graph");
        Objects.requireNonNull(times, "times");
        Objects.requireNonNull(series, "series");
        metrics = Map.copyOf(metrics);
        Objects.requireNonNull(normal, "normal");
        Objects.requireNonNull(anomalous, "anomalous");
        Objects.requireNonNull(symptom, "symptom");
        affected = List.copyOf(affected);
        changes = List.copyOf(changes);
        past = List.copyOf(past);
        down = Set.copyOf(down);
        flagged = Set.copyOf(flagged);
        times = times.clone();
        for (int i = 1; i < times.length; i++) {
            if (times[i] <= times[i - 1]) {
                throw new IllegalArgumentException("the time axis must be strictly increasing; sample " + i + " ("
                        + times[i] + ") is not after sample " + (i - 1) + " (" + times[i - 1] + ")");
            }
        }
        if (normal.from() >= anomalous.until()) {
            throw new IllegalArgumentException("the normal period " + normal + " must start before the anomalous "
                    + anomalous + " ends");
        }
        if (!graph.nodes().isEmpty() && !graph.contains(symptom.node())) {
            throw new IllegalArgumentException("the symptom's node '" + symptom.node() + "' is not in the call graph");
        }
        for (String node : affected) {
            if (!graph.contains(node)) {
                throw new IllegalArgumentException("affected node '" + node + "' is not in the call graph");
            }
        }
    }

    /** The axis, copied. */
    @Override
    public long[] times() {
        return times.clone();
    }

    @Override
    public String toString() {
        return "RcaInput[" + graph.nodes().size() + " nodes, " + times.length + " samples " + (times.length == 0 ? ""
                : Arrays.toString(new long[] {times[0], times[times.length - 1]})) + ", symptom " + symptom + "]";
    }
}
