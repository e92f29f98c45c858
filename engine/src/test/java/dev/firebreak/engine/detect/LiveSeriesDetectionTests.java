package dev.firebreak.engine.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.engine.event.EventBus;
import dev.firebreak.engine.telemetry.MetricName;
import dev.firebreak.engine.telemetry.MetricStore;
import dev.firebreak.engine.telemetry.MetricStores;
import dev.firebreak.engine.telemetry.MetricsTicked;
import dev.firebreak.engine.telemetry.SeriesKey;
import dev.firebreak.engine.topology.Topology;
import dev.firebreak.engine.topology.TopologyGenerator;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LiveSeriesDetectionTests {

    private static final long START = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond();

    private final Topology topology = TopologyGenerator.generate(8, 1);
    private final String id = topology.component(0).id();
    private final SeriesKey key = new SeriesKey(id, MetricName.LATENCY_P99);
    private final MetricStore store = MetricStores.inMemory();
    private final EventBus bus = new EventBus();
    private final DetectionHistory history = new DetectionHistory(3600, Severity.MEDIUM, true);
    private final LiveSeriesDetection detection = LiveSeriesDetection.attach(store, bus, topology, history);
    private final int handle = store.register(key);
    private final SplittableRandom random = new SplittableRandom(3);
    private long second = START;

    private void feed(int seconds, double level) {
        for (int i = 0; i < seconds; i++) {
            second++;
            store.append(handle, second, level + random.nextDouble(-2, 2));
            bus.publish(new MetricsTicked(Instant.ofEpochSecond(second), second));
        }
    }

    @Test
    void stepAboveTheBandIsMarkedWithAnExplainedVerdict() {
        feed(300, 50);

        feed(1, 200);

        SeriesVerdict mark = history.markAt(key, second).orElseThrow();
        assertThat(mark.severity().isAtLeast(Severity.HIGH)).isTrue();
        assertThat(mark.observed()).isGreaterThan(mark.expectedHigh());
        assertThat(mark.fired()).extracting(o -> o.kind().family()).contains(DetectorFamily.STATISTICAL);
        assertThat(mark.contributions().values().stream().mapToDouble(Double::doubleValue).sum())
                .isCloseTo(mark.score(), org.assertj.core.api.Assertions.within(1e-9));
        assertThat(detection.componentScore(id)).isEqualTo(mark.score());
    }

    @Test
    void noiseWithinTheBandIsNotMarked() {
        feed(900, 50);

        DetectionHistory.Trace trace = history.trace(key, second - 599, second);

        assertThat(trace.marks()).isEmpty();
        assertThat(trace.low()[599]).isLessThan(50).isGreaterThan(40);
        assertThat(trace.high()[599]).isGreaterThan(50).isLessThan(60);
    }

    @Test
    void newSettingsRebuildTheMetricsDetectorsFromTheStoredPast() {
        feed(300, 50);
        SeriesDetectionConfig defaults = detection.config(MetricName.LATENCY_P99);
        double widthBefore = band(history.trace(key, second, second));
        SeriesDetectionConfig wider = new SeriesDetectionConfig(new RollingZScoreConfig(100, 6), defaults.ewma(),
                defaults.iqr(), defaults.seasonal(), defaults.rateOfChange(), defaults.weights(), defaults.mode());

        detection.configure(MetricName.LATENCY_P99, wider);
        feed(1, 50);

        assertThat(detection.config(MetricName.LATENCY_P99)).isEqualTo(wider);
        assertThat(band(history.trace(key, second, second))).isGreaterThan(1.8 * widthBefore);
        assertThat(band(history.trace(key, second - 100, second - 100))).isGreaterThan(1.8 * widthBefore);
    }

    private static double band(DetectionHistory.Trace trace) {
        return trace.high()[trace.size() - 1] - trace.low()[trace.size() - 1];
    }

    @Test
    void historyKeepsBandsOnlyForWatchedComponentsWhenAskedTo() {
        DetectionHistory sparse = new DetectionHistory(600, Severity.MEDIUM, false);
        SeriesVerdict quiet = new SeriesVerdict(key, START, 50, 45, 55, 0.1, Severity.NONE,
                SeriesDetectionConfig.ScoreMode.WEIGHTED, java.util.Map.of(), java.util.List.of());

        sparse.record(quiet);
        sparse.watch(id);
        sparse.record(new SeriesVerdict(key, START + 1, 50, 45, 55, 0.1, Severity.NONE,
                SeriesDetectionConfig.ScoreMode.WEIGHTED, java.util.Map.of(), java.util.List.of()));

        DetectionHistory.Trace trace = sparse.trace(key, START, START + 1);
        assertThat(trace.score()[0]).isNaN();
        assertThat(trace.score()[1]).isCloseTo(0.1, org.assertj.core.api.Assertions.within(1e-6));
    }
}
