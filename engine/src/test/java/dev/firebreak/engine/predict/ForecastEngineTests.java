package dev.firebreak.engine.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebreak.engine.event.EventBus;
import dev.firebreak.engine.fault.FaultSpecParser;
import dev.firebreak.engine.sim.SimulationConfig;
import dev.firebreak.engine.sim.Simulator;
import dev.firebreak.engine.telemetry.MetricName;
import dev.firebreak.engine.telemetry.MetricStore;
import dev.firebreak.engine.telemetry.MetricStores;
import dev.firebreak.engine.telemetry.MetricsTicked;
import dev.firebreak.engine.telemetry.SeriesKey;
import dev.firebreak.engine.time.SimulationClock;
import dev.firebreak.engine.topology.Topology;
import dev.firebreak.engine.topology.TopologyException;
import dev.firebreak.engine.topology.TopologyLoader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.LongToDoubleFunction;
import org.junit.jupiter.api.Test;

class ForecastEngineTests {

    private static final Topology SHOP = shop();
    private static final long START = Instant.parse("2026-11-02T10:00:00Z").getEpochSecond();
    private static final SeriesKey DISK = new SeriesKey("postgres-primary", MetricName.DISK_USED);

    private static Topology shop() {
        try {
            return TopologyLoader.loadResource("topologies/shop.yaml");
        } catch (TopologyException e) {
            throw new IllegalStateException(e);
        }
    }

    private final MetricStore store = MetricStores.inMemory();
    private final EventBus bus = new EventBus();
    private final List<PredictedFailure> failures = new ArrayList<>();

    private ForecastEngine attach(ForecastEngineConfig config) {
        bus.subscribe(PredictedFailure.class, failures::add);
        return ForecastEngine.attach(store, bus, SHOP, config, componentId -> 0.2);
    }

    /** Appends one sample a second from START for the given seconds and ticks the bus after each. */
    private void play(int handle, int seconds, LongToDoubleFunction value) {
        play(handle, 0, seconds, value);
    }

    private void play(int handle, int fromSecond, int seconds, LongToDoubleFunction value) {
        for (int s = fromSecond; s < fromSecond + seconds; s++) {
            long t = START + s;
            store.append(handle, t, value.applyAsDouble(s));
            bus.publish(new MetricsTicked(Instant.ofEpochSecond(t), t));
        }
    }

    @Test
    void linearlyFillingDiskIsPredictedCloseToItsAnalyticCrossingTime() {
        int handle = store.register(DISK);
        ForecastEngine engine = attach(ForecastEngineConfig.defaults());
        SplittableRandom random = new SplittableRandom(3);
        double perSecond = 0.5 / 60;
        long crossingSecond = (long) ((90 - 60) / perSecond);

        play(handle, (int) crossingSecond - 60, s -> 60 + perSecond * s + 0.2 * random.nextGaussian());

        assertThat(failures).hasSize(1);
        PredictedFailure failure = failures.getFirst();
        Instant analytic = Instant.ofEpochSecond(START + crossingSecond);
        assertThat(failure.componentId()).isEqualTo("postgres-primary");
        assertThat(failure.metric()).isEqualTo(MetricName.DISK_USED);
        assertThat(failure.leadTime()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(30));
        Duration error = Duration.between(analytic, failure.expectedBreachAt()).abs();
        assertThat(error).as("error of %s against %s", failure.expectedBreachAt(), analytic)
                .isLessThan(failure.leadTime().dividedBy(10).plusMinutes(1));
        assertThat(failure.earliestBreachAt()).isBeforeOrEqualTo(failure.expectedBreachAt());
        assertThat(failure.probability()).isGreaterThanOrEqualTo(0.5);
        assertThat(failure.anomalyScore()).isEqualTo(0.2);
        assertThat(failure.criticality()).isEqualTo(engine.criticality().of("postgres-primary"));
        assertThat(engine.outlook(DISK)).isPresent();
    }

    @Test
    void outlookTracksTimeToBreachAsTheDiskFills() {
        int handle = store.register(DISK);
        ForecastEngine engine = attach(ForecastEngineConfig.defaults());
        double perSecond = 0.5 / 60;

        play(handle, 40 * 60, s -> 60 + perSecond * s);

        SeriesOutlook outlook = engine.outlook(DISK).orElseThrow();
        Instant expected = outlook.instantOfStep(outlook.breach().meanCrossingStep().orElseThrow());
        Instant analytic = Instant.ofEpochSecond(START + (long) (30 / perSecond));
        // the damped trend (phi 0.995) errs late by a little under 10 % of the remaining 20 minutes
        assertThat(Duration.between(analytic, expected).abs()).isLessThan(Duration.ofMinutes(3));
    }

    @Test
    void flatNoisySeriesPredictsNoBreach() {
        int handle = store.register(DISK);
        ForecastEngine engine = attach(ForecastEngineConfig.defaults());
        SplittableRandom random = new SplittableRandom(5);

        play(handle, 6 * 3600, s -> 55 + 2 * random.nextGaussian());

        assertThat(failures).isEmpty();
        assertThat(engine.outlook(DISK).orElseThrow().breach().probability()).isLessThan(0.01);
    }

    @Test
    void leakStartingOnAFlatSeriesIsPredictedSoonerWithTheFasterResourceTrend() {
        int handle = store.register(DISK);
        ForecastEngineConfig defaults = ForecastEngineConfig.defaults();
        HoltWintersConfig slow = defaults.model();
        attach(defaults.withModels(slow, Map.of(), 1));
        List<PredictedFailure> fast = new ArrayList<>();
        EventBus fastBus = new EventBus();
        bus.subscribe(MetricsTicked.class, fastBus::publish);
        fastBus.subscribe(PredictedFailure.class, fast::add);
        ForecastEngine.attach(store, fastBus, SHOP, defaults, componentId -> 0.2);
        SplittableRandom random = new SplittableRandom(11);
        int leakStart = 3600;

        // flat at 50 % for an hour, then filling 2 points a minute: 90 % is reached 20 minutes in
        play(handle, leakStart + 20 * 60, s -> 50 + 0.3 * random.nextGaussian()
                + (s < leakStart ? 0 : (s - leakStart) * 2.0 / 60));

        assertThat(failures).hasSize(1);
        assertThat(fast).hasSize(1);
        assertThat(fast.getFirst().at()).isBefore(failures.getFirst().at());
    }

    @Test
    void breachIsPublishedOnlyAfterConfirmEvaluationsInARowFindItLikely() {
        int handle = store.register(DISK);
        ForecastEngineConfig defaults = ForecastEngineConfig.defaults();
        attach(defaults.withModels(defaults.model(), defaults.modelPerMetric(), 1));
        List<PredictedFailure> confirmed = new ArrayList<>();
        EventBus confirmedBus = new EventBus();
        bus.subscribe(MetricsTicked.class, confirmedBus::publish);
        confirmedBus.subscribe(PredictedFailure.class, confirmed::add);
        ForecastEngine.attach(store, confirmedBus, SHOP,
                defaults.withModels(defaults.model(), defaults.modelPerMetric(), 3), componentId -> 0.2);
        double perSecond = 0.5 / 60;

        play(handle, 80 * 60, s -> 60 + perSecond * s);

        assertThat(failures).hasSize(1);
        assertThat(confirmed).hasSize(1);
        assertThat(confirmed.getFirst().at())
                .isEqualTo(failures.getFirst().at().plus(defaults.evaluateEvery().multipliedBy(2)));
    }

    @Test
    void gapsInTheSeriesAreSkippedAndTheBreachIsStillPredicted() {
        int handle = store.register(DISK);
        attach(ForecastEngineConfig.defaults());
        double perSecond = 0.5 / 60;

        play(handle, 55 * 60, s -> s % 600 < 240 ? Double.NaN : 60 + perSecond * s);

        assertThat(failures).singleElement().satisfies(f -> assertThat(f.leadTime()).isPositive());
    }

    @Test
    void evaluatesOncePerIntervalNotEveryTick() {
        int handle = store.register(DISK);
        ForecastEngineConfig config = new ForecastEngineConfig(Duration.ofMinutes(1), Duration.ofMinutes(5),
                Duration.ofMinutes(30), 0.8, HoltWintersConfig.trendOnly(0.5, 0.2, 0.995),
                ForecastEngineConfig.defaultThresholds(), 0.5, RiskWeights.DEFAULT, 0.01);
        ForecastEngine engine = attach(config);
        java.util.Set<Instant> evaluations = new java.util.TreeSet<>();
        bus.subscribe(MetricsTicked.class, tick -> engine.outlook(DISK).ifPresent(o -> evaluations.add(o.at())));

        play(handle, 21 * 60, s -> 50);

        assertThat(evaluations).containsExactly(Instant.ofEpochSecond(START + 300), Instant.ofEpochSecond(START + 600), Instant.ofEpochSecond(START + 900),
                Instant.ofEpochSecond(START + 1200));
    }

    @Test
    void memoryLeakInTheSimulatorIsPredictedBeforeMemoryReachesTheThreshold() {
        SimulationConfig simulation = SimulationConfig.defaults(42);
        SimulationClock clock = new SimulationClock(simulation.start());
        Simulator simulator = new Simulator(SHOP, simulation, store, bus, clock);
        attach(ForecastEngineConfig.defaults());
        int cart = SHOP.indexOf("cart");
        int memory = simulator.seriesHandle(cart, MetricName.MEMORY);
        simulator.inject(FaultSpecParser.parse("memory-leak:cart,magnitude=5,at=40m,for=60m", simulation.start()));

        long reachedAt = Long.MIN_VALUE;
        for (int s = 0; s < 100 * 60 && reachedAt == Long.MIN_VALUE; s++) {
            simulator.step();
            if (store.latest(memory) >= 95) {
                reachedAt = store.latestEpochSecond(memory);
            }
        }

        assertThat(reachedAt).as("the leak must drive memory to the threshold").isNotEqualTo(Long.MIN_VALUE);
        Instant breach = Instant.ofEpochSecond(reachedAt);
        assertThat(failures).filteredOn(f -> f.componentId().equals("cart") && f.metric() == MetricName.MEMORY)
                .first().satisfies(f -> {
                    assertThat(f.at()).isBefore(breach);
                    assertThat(f.leadTime()).isPositive();
                });
        assertThat(failures).allSatisfy(f -> assertThat(f.componentId()).isEqualTo("cart"));
    }

    @Test
    void configRejectsHorizonThatIsNotWholeSteps() {
        assertThatThrownBy(() -> new ForecastEngineConfig(Duration.ofMinutes(1), Duration.ofMinutes(1),
                Duration.ofSeconds(90), 0.8, HoltWintersConfig.trendOnly(0.5, 0.2, 0.98),
                ForecastEngineConfig.defaultThresholds(), 0.5, RiskWeights.DEFAULT, 0.01))
                .hasMessageContaining("horizon must be a whole number of steps");
        assertThatThrownBy(() -> new ForecastEngineConfig(Duration.ofMinutes(1), Duration.ofMinutes(1),
                Duration.ofMinutes(30), 0.8, HoltWintersConfig.trendOnly(0.5, 0.2, 0.98),
                List.of(BreachThreshold.absolute(MetricName.MEMORY, 90), BreachThreshold.absolute(MetricName.MEMORY, 95)),
                0.5, RiskWeights.DEFAULT, 0.01)).hasMessageContaining("thresholds name MEMORY twice");
        assertThatThrownBy(() -> BreachThreshold.overBaseline(MetricName.LATENCY_P99, 0.5))
                .hasMessageContaining("factor > 1");
        assertThatThrownBy(() -> ForecastEngineConfig.defaults().withModels(HoltWintersConfig.trendOnly(0.5, 0.1, 0.9),
                Map.of(), 0)).hasMessageContaining("confirmEvaluations must be between 1 and 60");
    }
}
