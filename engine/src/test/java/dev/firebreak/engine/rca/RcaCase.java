package dev.firebreak.engine.rca;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;

/**
 * A constructed case for the analyzer: one-second samples, 600 s normal then 120 s anomalous; every series is a level
 * with seeded noise, and a fault adds a step from its onset.
 */
final class RcaCase {

    static final int NORMAL = 600;
    static final int LENGTH = 720;
    static final String LATENCY = "LATENCY_P99";
    static final String ERRORS = "ERROR_RATE";
    static final String REQUESTS = "REQUEST_RATE";
    static final Map<String, MetricSpec> METRICS = Map.of(
            LATENCY, MetricSpec.of(LATENCY, MetricSpec.Role.LATENCY, MetricSpec.Bad.UP),
            ERRORS, MetricSpec.of(ERRORS, MetricSpec.Role.ERRORS, MetricSpec.Bad.UP),
            REQUESTS, MetricSpec.of(REQUESTS, MetricSpec.Role.TRAFFIC, MetricSpec.Bad.EITHER));

    static final String MEMORY = "MEMORY";
    static final String CPU = "CPU";
    static final String LATENCY_P50 = "LATENCY_P50";
    static final String LATENCY_P95 = "LATENCY_P95";

    private final Map<String, MetricSpec> metrics = new HashMap<>(METRICS);
    private boolean percentiles;
    private final List<String> nodes = new ArrayList<>();
    private final List<CallGraph.Call> calls = new ArrayList<>();
    private final java.util.Set<String> observedOnly = new java.util.HashSet<>();
    private final Map<String, Map<String, double[]>> series = new HashMap<>();
    private final Map<String, Map<String, double[]>> callSeries = new HashMap<>();
    private final List<ChangeRecord> changes = new ArrayList<>();
    private final List<PastIncident> past = new ArrayList<>();
    private final java.util.Set<String> flagged = new java.util.HashSet<>();
    private final Random random = new Random(42);
    private OptionalLong callsUntil = OptionalLong.empty();

    /**
     * Nodes added from now on report their latency as percentiles: p50 (30 ms) and p95 (45 ms) beside the p99
     * ({@link #LATENCY}, 50 ms), each read as the quantile it is.
     */
    RcaCase withPercentiles() {
        percentiles = true;
        metrics.put(LATENCY, MetricSpec.latencyQuantile(LATENCY, 0.99));
        metrics.put(LATENCY_P50, MetricSpec.latencyQuantile(LATENCY_P50, 0.50));
        metrics.put(LATENCY_P95, MetricSpec.latencyQuantile(LATENCY_P95, 0.95));
        return this;
    }

    /** A node reporting latency (50 ms), errors (0.5 %) and requests (100/s), each with noise. */
    RcaCase node(String id) {
        nodes.add(id);
        Map<String, double[]> metrics = new HashMap<>();
        if (percentiles) {
            metrics.put(LATENCY_P50, noisy(30, 1));
            metrics.put(LATENCY_P95, noisy(45, 1.5));
        }
        metrics.put(LATENCY, noisy(50, 2));
        metrics.put(ERRORS, noisy(0.5, 0.1));
        metrics.put(REQUESTS, noisy(100, 3));
        series.put(id, metrics);
        return this;
    }

    /** The node sends no telemetry of its own: its series are what its callers measured of their calls to it. */
    RcaCase observedOnly(String id) {
        observedOnly.add(id);
        return this;
    }

    RcaCase calls(String caller, String callee) {
        calls.add(new CallGraph.Call(caller, callee));
        return this;
    }

    /** Adds {@code by} to a node's metric from second {@code onset} on. */
    RcaCase step(String node, String metric, int onset, double by) {
        double[] values = series.get(node).get(metric);
        for (int i = onset; i < LENGTH; i++) {
            values[i] += by;
        }
        return this;
    }

    /** The node reports memory use too: {@code level} % with a little noise, saturated from 90 %. */
    RcaCase memory(String node, double level) {
        metrics.put(MEMORY, MetricSpec.resource(MEMORY, "memory", 90));
        series.get(node).put(MEMORY, noisy(level, 0.1));
        return this;
    }

    /** The node reports CPU use too: {@code level} % of its capacity with a little noise, saturated from 90 %. */
    RcaCase cpu(String node, double level) {
        return cpu(node, level, 1);
    }

    /** As above with {@code noise}: a noisier CPU deviates less for the same step, so latency can be the stronger reading. */
    RcaCase cpu(String node, double level, double noise) {
        metrics.put(CPU, MetricSpec.resource(CPU, "CPU", 90));
        series.get(node).put(CPU, noisy(level, noise));
        return this;
    }

    /** Adds {@code perSecond} times the seconds since {@code onset} to a node's metric: a leak's climb. */
    RcaCase ramp(String node, String metric, int onset, double perSecond) {
        double[] values = series.get(node).get(metric);
        for (int i = onset; i < LENGTH; i++) {
            values[i] += perSecond * (i - onset + 1);
        }
        return this;
    }

    RcaCase without(String node, String metric) {
        series.get(node).remove(metric);
        return this;
    }

    /** What the caller saw of its calls to the callee: a steady metric that steps at {@code onset}. */
    RcaCase callStep(String caller, String callee, String metric, double level, int onset, double by) {
        double[] values = noisy(level, level * 0.05);
        for (int i = onset; i < LENGTH; i++) {
            values[i] += by;
        }
        callSeries.computeIfAbsent(SeriesSource.callKey(caller, callee), k -> new HashMap<>()).put(metric, values);
        return this;
    }

    /** Calls are reported only before second {@code until}, as call telemetry that lags the nodes' own series. */
    RcaCase callsReportedUntil(int until) {
        callsUntil = OptionalLong.of(until);
        for (Map<String, double[]> metrics : callSeries.values()) {
            metrics.values().forEach(values -> Arrays.fill(values, until, LENGTH, Double.NaN));
        }
        return this;
    }

    RcaCase change(String node, int at, String kind, String description, String version) {
        changes.add(new ChangeRecord(node, at, kind, description, version));
        return this;
    }

    RcaCase past(PastIncident incident) {
        past.add(incident);
        return this;
    }

    /** Nodes detection found anomalous ({@link RcaInput#flagged()}); none: every candidate is read. */
    RcaCase flagged(String... nodes) {
        flagged.addAll(List.of(nodes));
        return this;
    }

    RcaInput input(String symptomNode, String symptomMetric, String... affected) {
        long[] times = new long[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            times[i] = i;
        }
        SeriesSource source = SeriesSource.of(series, callSeries);
        OptionalLong reported = callsUntil;
        SeriesSource lagging = new SeriesSource() {
            @Override
            public Optional<double[]> series(String node, String metric) {
                return source.series(node, metric);
            }

            @Override
            public Optional<double[]> callSeries(String caller, String callee, String metric) {
                return source.callSeries(caller, callee, metric);
            }

            @Override
            public OptionalLong callsReportedUntil() {
                return reported;
            }
        };
        return new RcaInput(new CallGraph(nodes, calls, observedOnly), times, lagging, metrics,
                new Period(0, NORMAL), new Period(NORMAL, LENGTH), new Symptom(symptomNode, symptomMetric, NORMAL + 10),
                List.of(affected), changes, past, java.util.Set.of(), flagged);
    }

    private double[] noisy(double level, double sigma) {
        double[] values = new double[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            values[i] = level + sigma * random.nextGaussian();
        }
        return values;
    }
}
