package dev.firebreak.engine.rca.internal;

import dev.firebreak.engine.rca.MetricSpec;
import dev.firebreak.engine.rca.SeriesSource;
import dev.firebreak.engine.telemetry.CallTelemetry;
import dev.firebreak.engine.telemetry.MetricName;
import dev.firebreak.engine.telemetry.MetricStore;
import dev.firebreak.engine.telemetry.SeriesKey;
import dev.firebreak.engine.telemetry.SeriesSnapshot;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The metric store as an analysis's series, on a one-second axis; a series is copied only when the analysis asks for
 * it, so a large topology costs what the incident's part of it costs.
 */
public final class StoreSeries implements SeriesSource {

    private static final Map<MetricName, MetricSpec> SPECS = specs();

    private final MetricStore store;
    private final CallTelemetry calls;
    private final long from;
    private final int length;

    /** The axis is every second of {@code [from, until]}. */
    public StoreSeries(MetricStore store, long from, long until) {
        this(store, CallTelemetry.none(), from, until);
    }

    /** As above, with each call's failed share read as the callee's error rate seen by that caller. */
    public StoreSeries(MetricStore store, CallTelemetry calls, long from, long until) {
        this.store = store;
        this.calls = calls;
        this.from = from;
        this.length = (int) (until - from + 1);
    }

    public long[] axis() {
        long[] times = new long[length];
        for (int i = 0; i < length; i++) {
            times[i] = from + i;
        }
        return times;
    }

    @Override
    public Optional<double[]> series(String node, String metric) {
        MetricName name = MetricName.valueOf(metric);
        Optional<Integer> handle = store.handle(new SeriesKey(node, name));
        if (handle.isEmpty()) {
            return Optional.empty();
        }
        double[] values = new double[length];
        store.copyRange(handle.get(), from, values);
        return Optional.of(values);
    }

    /** A call's failures as the caller saw them: its error rate only (the telemetry keeps nothing else per call). */
    @Override
    public Optional<double[]> callSeries(String caller, String callee, String metric) {
        if (!metric.equals(MetricName.ERROR_RATE.name())) {
            return Optional.empty();
        }
        double[] values = new double[length];
        return calls.copyFailedPercent(caller, callee, from, values) ? Optional.of(values) : Optional.empty();
    }

    /** Where the telemetry's published buckets end: empty without call telemetry, or before its first bucket. */
    @Override
    public OptionalLong callsReportedUntil() {
        long until = calls.reportedUntil();
        return until == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(until);
    }

    /** The store: its past seconds never change, so summaries of them may be kept. */
    @Override
    public Object history() {
        return store;
    }

    @Override
    public boolean seriesInto(String node, String metric, double[] into) {
        Optional<Integer> handle = store.handle(new SeriesKey(node, MetricName.valueOf(metric)));
        handle.ifPresent(h -> store.copyRange(h, from, into));
        return handle.isPresent();
    }

    /** What each of the simulator's metrics means to root-cause analysis, keyed by {@link MetricName#name()}. */
    public static Map<String, MetricSpec> metricSpecs() {
        Map<String, MetricSpec> byName = new LinkedHashMap<>();
        SPECS.forEach((name, spec) -> byName.put(name.name(), spec));
        return byName;
    }

    private static Map<MetricName, MetricSpec> specs() {
        Map<MetricName, MetricSpec> specs = new EnumMap<>(MetricName.class);
        for (MetricName name : MetricName.values()) {
            String id = name.name();
            specs.put(name, switch (name) {
                case REQUEST_RATE -> MetricSpec.of(id, MetricSpec.Role.TRAFFIC, MetricSpec.Bad.EITHER);
                case ERROR_RATE -> MetricSpec.of(id, MetricSpec.Role.ERRORS, MetricSpec.Bad.UP);
                case LATENCY_P50 -> MetricSpec.latencyQuantile(id, 0.50);
                case LATENCY_P95 -> MetricSpec.latencyQuantile(id, 0.95);
                case LATENCY_P99 -> MetricSpec.latencyQuantile(id, 0.99);
                // a node's CPU, memory and disk are percentages of its capacity (ADR 0045)
                case CPU -> MetricSpec.resource(id, "CPU", MetricSpec.SATURATION_LINE_PERCENT);
                case MEMORY -> MetricSpec.resource(id, "memory", MetricSpec.SATURATION_LINE_PERCENT);
                case DISK_USED -> MetricSpec.resource(id, "disk", MetricSpec.SATURATION_LINE_PERCENT);
                case CONNECTIONS -> MetricSpec.resource(id, "connection pool");
                case QUEUE_DEPTH -> MetricSpec.resource(id, "queue");
                case REPLICATION_LAG -> MetricSpec.resource(id, "replication");
            });
        }
        return specs;
    }
}
