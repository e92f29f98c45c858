package dev.firebreak.engine.detect;

import dev.firebreak.engine.detect.SeriesDetectionConfig.ScoreMode;
import dev.firebreak.engine.event.EventBus;
import dev.firebreak.engine.event.Subscription;
import dev.firebreak.engine.telemetry.MetricName;
import dev.firebreak.engine.telemetry.MetricStore;
import dev.firebreak.engine.telemetry.MetricsTicked;
import dev.firebreak.engine.telemetry.SeriesKey;
import dev.firebreak.engine.telemetry.SeriesSnapshot;
import dev.firebreak.engine.topology.Topology;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Runs the per-series detectors of {@link SeriesDetectionConfig} on every series of a store as the
 * simulator ticks, combines their scores per series and records each verdict in a
 * {@link DetectionHistory}, so the console can draw bands, scores and explained markers.
 *
 * <p>Settings change live: {@link #configure} takes effect on the next tick, when the metric's
 * detectors are rebuilt and replayed over the history the store still holds (so the band reflects the
 * new settings at once instead of after a fresh warm-up). Detection runs on the bus publisher's thread;
 * {@link #config} and {@link #componentScore} may be read from any thread.
 */
public final class LiveSeriesDetection implements AutoCloseable {

    /** Samples replayed into rebuilt detectors: enough to fill the largest window the settings allow. */
    static final int REPLAY_SECONDS = 1200;

    private final MetricStore store;
    private final Topology topology;
    private final DetectionHistory history;
    private final Map<MetricName, SeriesDetectionConfig> configs = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<MetricName> reconfigured = new ConcurrentLinkedQueue<>();
    private final List<Watched> watched = new ArrayList<>();
    private final double[] componentScore;
    private int knownSeries;
    private Subscription subscription;

    public LiveSeriesDetection(MetricStore store, Topology topology, DetectionHistory history) {
        this.store = Objects.requireNonNull(store, "store");
        this.topology = Objects.requireNonNull(topology, "topology");
        this.history = Objects.requireNonNull(history, "history");
        for (MetricName metric : MetricName.values()) {
            configs.put(metric, SeriesDetectionConfig.defaultFor(metric));
        }
        this.componentScore = new double[topology.size()];
    }

    /** Creates the detection and subscribes it to the bus's ticks. */
    public static LiveSeriesDetection attach(MetricStore store, EventBus bus, Topology topology, DetectionHistory history) {
        LiveSeriesDetection detection = new LiveSeriesDetection(store, topology, history);
        detection.subscription = bus.subscribe(MetricsTicked.class, tick -> detection.onTick(tick.epochSecond()));
        return detection;
    }

    public DetectionHistory history() {
        return history;
    }

    /** The settings now in force for a metric kind. */
    public SeriesDetectionConfig config(MetricName metric) {
        return configs.get(metric);
    }

    /** Replaces a metric kind's settings; its detectors are rebuilt on the next tick. Any thread. */
    public void configure(MetricName metric, SeriesDetectionConfig config) {
        configs.put(Objects.requireNonNull(metric, "metric"), Objects.requireNonNull(config, "config"));
        reconfigured.add(metric);
    }

    /** The highest score among a component's series at the last tick, 0..1 (0 for unknown ids). */
    public double componentScore(String componentId) {
        int index = topology.indexOf(componentId);
        synchronized (componentScore) {
            return index < 0 ? 0 : componentScore[index];
        }
    }

    /** Scores every series' sample at {@code epochSecond}; called by the tick subscription, public for headless runs. */
    public void onTick(long epochSecond) {
        discoverSeries();
        applyReconfigurations();
        double[] scores = new double[componentScore.length];
        for (Watched w : watched) {
            if (store.latestEpochSecond(w.handle) != epochSecond) {
                continue;
            }
            SeriesVerdict verdict = w.update(epochSecond, store.latest(w.handle));
            history.record(verdict);
            if (verdict.score() > scores[w.componentIndex]) {
                scores[w.componentIndex] = verdict.score();
            }
        }
        synchronized (componentScore) {
            System.arraycopy(scores, 0, componentScore, 0, scores.length);
        }
    }

    private void discoverSeries() {
        int count = store.seriesCount();
        for (int handle = knownSeries; handle < count; handle++) {
            SeriesKey key = store.key(handle);
            int index = topology.indexOf(key.componentId());
            if (index >= 0) {
                watched.add(new Watched(key, handle, index, configs.get(key.metric())));
            }
        }
        knownSeries = count;
    }

    private void applyReconfigurations() {
        MetricName metric;
        while ((metric = reconfigured.poll()) != null) {
            SeriesDetectionConfig config = configs.get(metric);
            for (Watched w : watched) {
                if (w.key.metric() == metric) {
                    w.rebuild(config);
                }
            }
        }
    }

    @Override
    public void close() {
        if (subscription != null) {
            subscription.close();
        }
    }

    /** One series: its detectors and the settings they were built from. */
    private final class Watched {
        private final SeriesKey key;
        private final int handle;
        private final int componentIndex;
        private SeriesDetectionConfig config;
        private List<SeriesDetector> detectors;

        Watched(SeriesKey key, int handle, int componentIndex, SeriesDetectionConfig config) {
            this.key = key;
            this.handle = handle;
            this.componentIndex = componentIndex;
            rebuild(config);
        }

        /** Fresh detectors, taught the retained past (all but the newest sample, which the tick scores). */
        void rebuild(SeriesDetectionConfig newConfig) {
            config = newConfig;
            detectors = newConfig.createDetectors();
            history.clear(key);
            long latest = store.latestEpochSecond(handle);
            if (latest == Long.MIN_VALUE) {
                return;
            }
            SeriesSnapshot past = store.range(handle, latest - REPLAY_SECONDS, latest - 1);
            double[] values = past.values();
            for (int i = 0; i < values.length; i++) {
                history.record(update(past.epochSecondAt(i), values[i]));
            }
        }

        SeriesVerdict update(long epochSecond, double value) {
            List<DetectorOutput> outputs = new ArrayList<>(detectors.size());
            for (SeriesDetector detector : detectors) {
                outputs.add(detector.update(epochSecond, value));
            }
            return Composite.verdict(key, epochSecond, value, outputs, config);
        }
    }

    /** How one sample's detector outputs become a score, a severity and an expected band. */
    static final class Composite {

        private Composite() {
        }

        static SeriesVerdict verdict(SeriesKey key, long epochSecond, double value, List<DetectorOutput> outputs,
                SeriesDetectionConfig config) {
            double low = Double.NaN;
            double high = Double.NaN;
            for (DetectorOutput o : outputs) {
                // the first detector with a band gives it (rolling mean ± k·σ by construction order)
                if (Double.isFinite(o.expectedLow()) && Double.isFinite(o.expectedHigh())) {
                    low = o.expectedLow();
                    high = o.expectedHigh();
                    break;
                }
            }
            Map<DetectorFamily, Double> contributions = new EnumMap<>(DetectorFamily.class);
            double score = config.mode() == ScoreMode.WEIGHTED
                    ? weighted(outputs, config, contributions)
                    : majority(outputs, contributions);
            return new SeriesVerdict(key, epochSecond, value, low, high, score, Severity.ofScore(score), config.mode(),
                    contributions, outputs);
        }

        /**
         * Each family scores as the mean of its detectors with an opinion (one noisy detector alone
         * does not make an anomaly; a real one moves them all); families without an opinion (ML and
         * correlation never speak per series, others while learning) drop out and the remaining weights
         * are renormalised, so a per-series score can still reach 1.
         */
        private static double weighted(List<DetectorOutput> outputs, SeriesDetectionConfig config,
                Map<DetectorFamily, Double> contributions) {
            EnumMap<DetectorFamily, Double> family = new EnumMap<>(DetectorFamily.class);
            EnumMap<DetectorFamily, Integer> voices = new EnumMap<>(DetectorFamily.class);
            for (DetectorOutput o : outputs) {
                if (!o.isLearning()) {
                    family.merge(o.kind().family(), o.score(), Double::sum);
                    voices.merge(o.kind().family(), 1, Integer::sum);
                }
            }
            family.replaceAll((f, sum) -> sum / voices.get(f));
            double weightSum = 0;
            for (DetectorFamily f : family.keySet()) {
                weightSum += config.weight(f);
            }
            if (family.isEmpty() || weightSum <= 0) {
                return Double.NaN;
            }
            double score = 0;
            for (Map.Entry<DetectorFamily, Double> e : family.entrySet()) {
                double share = config.weight(e.getKey()) * e.getValue() / weightSum;
                contributions.put(e.getKey(), share);
                score += share;
            }
            return Math.min(1, score);
        }

        private static double majority(List<DetectorOutput> outputs, Map<DetectorFamily, Double> contributions) {
            int voters = 0;
            for (DetectorOutput o : outputs) {
                if (!o.isLearning()) {
                    voters++;
                }
            }
            if (voters == 0) {
                return Double.NaN;
            }
            double score = 0;
            for (DetectorOutput o : outputs) {
                if (!o.isLearning() && o.fired()) {
                    contributions.merge(o.kind().family(), 1.0 / voters, Double::sum);
                    score += 1.0 / voters;
                }
            }
            return Math.min(1, score);
        }
    }
}
