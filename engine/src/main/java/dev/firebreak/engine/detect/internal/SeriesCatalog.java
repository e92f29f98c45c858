package dev.firebreak.engine.detect.internal;

import dev.firebreak.engine.detect.config.DetectionConfig;
import dev.firebreak.engine.detect.ml.VectorDetector;
import dev.firebreak.engine.detect.ml.VectorDetectorFactory;
import dev.firebreak.engine.detect.series.SeriesDetector;
import dev.firebreak.engine.telemetry.MetricName;
import dev.firebreak.engine.telemetry.MetricStore;
import dev.firebreak.engine.telemetry.SeriesKey;
import dev.firebreak.engine.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The series detection watches, per component, and each component's vector detector. Series registered in
 * the store are adopted at the next tick ({@link #discover}); a component gets a new vector detector when its
 * list of metrics changes. Detection thread only.
 */
public final class SeriesCatalog {

    private final Topology topology;
    private final MetricStore store;
    private final VectorDetectorFactory vectorFactory;
    private final List<List<WatchedSeries>> seriesOf;
    /** {@link #seriesOf} as arrays, for the tick's loops; refreshed when series are discovered. */
    private final WatchedSeries[][] arrays;
    private final List<List<MetricName>> vectorMetrics;
    private final VectorDetector[] vectorDetectors;
    /**
     * Per component, how many of its series were in an anomaly episode after the last tick: counted as the
     * tick updates them, for the next tick, instead of by another walk over every series (ADR 0023).
     */
    private final int[] holdingSeries;
    private int knownSeries;

    public SeriesCatalog(Topology topology, MetricStore store, VectorDetectorFactory vectorFactory) {
        this.topology = Objects.requireNonNull(topology, "topology");
        this.store = Objects.requireNonNull(store, "store");
        this.vectorFactory = Objects.requireNonNull(vectorFactory, "vectorFactory");
        int n = topology.size();
        this.seriesOf = new ArrayList<>(n);
        this.vectorMetrics = new ArrayList<>(n);
        for (int c = 0; c < n; c++) {
            seriesOf.add(new ArrayList<>());
            vectorMetrics.add(List.of());
        }
        this.arrays = new WatchedSeries[n][0];
        this.vectorDetectors = new VectorDetector[n];
        this.holdingSeries = new int[n];
    }

    /** Component {@code c}'s series, in the order they were registered (the order of its vector's entries). */
    public WatchedSeries[] of(int c) {
        return arrays[c];
    }

    /** Component {@code c}'s vector detector, or null. */
    public VectorDetector vectorDetector(int c) {
        return vectorDetectors[c];
    }

    /** Every watched series, component by component. */
    public void forEach(Consumer<WatchedSeries> action) {
        for (List<WatchedSeries> list : seriesOf) {
            list.forEach(action);
        }
    }

    /**
     * Adopts the series the store gained since the last call, with detectors built from {@code config};
     * returns whether there were any.
     */
    public boolean discover(DetectionConfig config) {
        int count = store.seriesCount();
        if (count == knownSeries) {
            return false;
        }
        for (int handle = knownSeries; handle < count; handle++) {
            SeriesKey key = store.key(handle);
            int c = topology.indexOf(key.componentId());
            if (c < 0) {
                continue;
            }
            seriesOf.get(c).add(new WatchedSeries(handle, key, config.forMetric(key.metric())));
        }
        knownSeries = count;
        for (int c = 0; c < arrays.length; c++) {
            arrays[c] = seriesOf.get(c).toArray(new WatchedSeries[0]);
        }
        for (int c = 0; c < arrays.length; c++) {
            List<MetricName> metrics = seriesOf.get(c).stream().map(s -> s.key().metric()).toList();
            if (!metrics.equals(vectorMetrics.get(c)) && !metrics.isEmpty()) {
                vectorMetrics.set(c, metrics);
                vectorDetectors[c] = vectorFactory.create(topology.component(c), metrics).orElse(null);
            }
        }
        return true;
    }

    /** How many of component {@code c}'s series were holding their baseline after the last tick. */
    public int holding(int c) {
        return holdingSeries[c];
    }

    /** Records how many of component {@code c}'s series hold their baseline after this tick. */
    public void holding(int c, int count) {
        holdingSeries[c] = count;
    }

    /** Counts afresh how many series of each component hold their baseline (after new or rebuilt detectors). */
    public void recountHolding() {
        for (int c = 0; c < arrays.length; c++) {
            int count = 0;
            for (WatchedSeries series : arrays[c]) {
                count += series.hold().holding() ? 1 : 0;
            }
            holdingSeries[c] = count;
        }
    }

    /** Bytes of detector state per series: the largest over the series being watched. */
    public int maxStateBytesPerSeries() {
        int max = 0;
        for (List<WatchedSeries> list : seriesOf) {
            for (WatchedSeries series : list) {
                int bytes = 0;
                for (SeriesDetector detector : series.hold().detectors()) {
                    bytes += detector.stateBytes();
                }
                max = Math.max(max, bytes);
            }
        }
        return max;
    }
}
