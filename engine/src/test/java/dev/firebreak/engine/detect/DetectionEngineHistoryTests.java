package dev.firebreak.engine.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.firebreak.engine.detect.composite.CompositeConfig;
import dev.firebreak.engine.detect.config.DetectionConfig;
import dev.firebreak.engine.detect.config.MetricDetectionConfig;
import dev.firebreak.engine.detect.history.DetectionHistory;
import dev.firebreak.engine.detect.history.SeriesVerdict;
import dev.firebreak.engine.detect.series.RollingZScoreConfig;
import dev.firebreak.engine.event.EventBus;
import dev.firebreak.engine.telemetry.MetricName;
import dev.firebreak.engine.telemetry.MetricStore;
import dev.firebreak.engine.telemetry.MetricStores;
import dev.firebreak.engine.telemetry.MetricsTicked;
import dev.firebreak.engine.telemetry.SeriesKey;
import dev.firebreak.engine.topology.Topology;
import dev.firebreak.engine.topology.TopologyGenerator;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The detection engine as the console runs it: recording verdicts for charts, and reconfigured live. */
class DetectionEngineHistoryTests {

    private static final long START = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond();

    private final Topology topology = TopologyGenerator.generate(8, 1);
    private final String id = topology.component(0).id();
    private final SeriesKey key = new SeriesKey(id, MetricName.LATENCY_P99);
    private final MetricStore store = MetricStores.inMemory();
    private final EventBus bus = new EventBus();
    private final DetectionHistory history = new DetectionHistory(3600, Severity.MEDIUM, true);
    private final DetectionEngine engine = new DetectionEngine(topology, store, bus, DetectionConfig.ofDefaults())
            .withHistory(history).start();
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
                .isCloseTo(mark.score(), within(1e-9));
        assertThat(mark.mode()).isEqualTo(CompositeConfig.Mode.WEIGHTED);
    }

    @Test
    void seriesScoreIsTheScoreThatDrivesTheComponent() {
        feed(300, 50);

        feed(1, 200);

        // the component has one series and no related anomalies, so the two must agree exactly
        SeriesVerdict mark = history.markAt(key, second).orElseThrow();
        assertThat(engine.componentScore(id)).isCloseTo(mark.score(), within(1e-9));
        assertThat(engine.latest(0).explanation().fired()).extracting(f -> f.output().kind())
                .containsExactlyElementsOf(mark.fired().stream().map(DetectorOutput::kind).toList());
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
    void newDetectorSettingsRebuildTheMetricFromTheStoredPast() {
        feed(300, 50);
        MetricDetectionConfig defaults = engine.config().forMetric(MetricName.LATENCY_P99);
        double widthBefore = band(history.trace(key, second, second));
        MetricDetectionConfig wider = new MetricDetectionConfig(Optional.of(new RollingZScoreConfig(100, 6)),
                defaults.ewma(), defaults.iqr(), defaults.seasonal(), defaults.rateOfChange(), defaults.multiScale());

        engine.configure(MetricName.LATENCY_P99, wider);
        feed(1, 50);

        assertThat(engine.config().forMetric(MetricName.LATENCY_P99)).isEqualTo(wider);
        assertThat(band(history.trace(key, second, second))).isGreaterThan(1.8 * widthBefore);
        // replayed: the band 100 s back was re-recorded with the new k, not left from the old detectors
        assertThat(band(history.trace(key, second - 100, second - 100))).isGreaterThan(1.8 * widthBefore);
    }

    @Test
    void settingsAskedForAreReportedAtOnceButAppliedAtTheNextTick() {
        feed(300, 50);
        MetricDetectionConfig defaults = engine.config().forMetric(MetricName.LATENCY_P99);
        double widthBefore = band(history.trace(key, second, second));

        engine.configure(MetricName.LATENCY_P99, new MetricDetectionConfig(Optional.of(new RollingZScoreConfig(100, 6)),
                defaults.ewma(), defaults.iqr(), defaults.seasonal(), defaults.rateOfChange(), defaults.multiScale()));

        assertThat(engine.config().forMetric(MetricName.LATENCY_P99).rolling()).contains(new RollingZScoreConfig(100, 6));
        assertThat(band(history.trace(key, second, second))).isCloseTo(widthBefore, within(1e-9));
    }

    @Test
    void majorityVoteModeIsUsedForVerdictsAfterTheCompositeChanges() {
        feed(300, 50);
        CompositeConfig composite = engine.config().composite().withMode(CompositeConfig.Mode.MAJORITY_VOTE);

        engine.configure(composite);
        feed(1, 200);

        SeriesVerdict mark = history.markAt(key, second).orElseThrow();
        assertThat(mark.mode()).isEqualTo(CompositeConfig.Mode.MAJORITY_VOTE);
        long voters = mark.outputs().stream().filter(o -> !o.isLearning()).count();
        assertThat(mark.score()).isCloseTo((double) mark.fired().size() / voters, within(1e-9));
        assertThat(engine.config().composite()).isEqualTo(composite);
    }

    @Test
    void newWeightsChangeTheComponentScore() {
        feed(300, 50);
        Map<DetectorFamily, Double> statisticalOnly = new EnumMap<>(DetectorFamily.class);
        for (DetectorFamily family : DetectorFamily.values()) {
            statisticalOnly.put(family, family == DetectorFamily.STATISTICAL ? 1.0 : 0.0);
        }
        CompositeConfig base = engine.config().composite();

        engine.configure(new CompositeConfig(statisticalOnly, base.mode(), base.confirmTicks(), base.reportAtLeast()));
        feed(1, 200);

        SeriesVerdict mark = history.markAt(key, second).orElseThrow();
        assertThat(mark.contributions()).containsOnlyKeys(DetectorFamily.STATISTICAL);
        assertThat(engine.latest(0).explanation().contributions())
                .allSatisfy(c -> assertThat(c.family() == DetectorFamily.STATISTICAL || c.contribution() == 0).isTrue());
    }

    private static double band(DetectionHistory.Trace trace) {
        return trace.high()[trace.size() - 1] - trace.low()[trace.size() - 1];
    }

    @Test
    void historyKeepsBandsOnlyForWatchedComponentsWhenAskedTo() {
        DetectionHistory sparse = new DetectionHistory(600, Severity.MEDIUM, false);

        sparse.record(new SeriesVerdict(key, START, 50, 45, 55, 0.1, Severity.NONE, CompositeConfig.Mode.WEIGHTED,
                Map.of(), List.of()));
        sparse.watch(id);
        sparse.record(new SeriesVerdict(key, START + 1, 50, 45, 55, 0.1, Severity.NONE, CompositeConfig.Mode.WEIGHTED,
                Map.of(), List.of()));

        DetectionHistory.Trace trace = sparse.trace(key, START, START + 1);
        assertThat(trace.score()[0]).isNaN();
        assertThat(trace.score()[1]).isCloseTo(0.1, within(1e-6));
    }
}
