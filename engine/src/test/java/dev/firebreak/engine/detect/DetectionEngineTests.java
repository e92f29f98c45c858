package dev.firebreak.engine.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.engine.detect.config.DetectionConfig;
import dev.firebreak.engine.event.EventBus;
import dev.firebreak.engine.fault.FaultSpecParser;
import dev.firebreak.engine.health.ComponentHealthChanged;
import dev.firebreak.engine.health.HealthState;
import dev.firebreak.engine.sim.SimulationConfig;
import dev.firebreak.engine.sim.Simulator;
import dev.firebreak.engine.telemetry.MetricStore;
import dev.firebreak.engine.telemetry.MetricStores;
import dev.firebreak.engine.time.SimulationClock;
import dev.firebreak.engine.topology.Topology;
import dev.firebreak.engine.topology.TopologyLoader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DetectionEngineTests {

    private static final Instant AFTERNOON = Instant.parse("2026-11-02T14:00:00Z");

    private final Topology topology = loadShop();
    private final MetricStore store = MetricStores.inMemory();
    private final EventBus bus = new EventBus();
    private final SimulationConfig config = SimulationConfig.defaults(42).withStart(AFTERNOON);
    private final Simulator simulator = new Simulator(topology, config, store, bus, new SimulationClock(AFTERNOON));
    private final DetectionEngine engine = new DetectionEngine(topology, store, bus, DetectionConfig.ofDefaults()).start();
    private final List<AnomalyDetected> anomalies = new ArrayList<>();
    private final List<ComponentHealthChanged> healthChanges = new ArrayList<>();

    DetectionEngineTests() {
        bus.subscribe(AnomalyDetected.class, anomalies::add);
        bus.subscribe(ComponentHealthChanged.class, e -> {
            if (e.reason().startsWith("detection")) {
                healthChanges.add(e);
            }
        });
    }

    private static Topology loadShop() {
        try {
            return TopologyLoader.loadResource("topologies/shop.yaml");
        } catch (dev.firebreak.engine.topology.TopologyException e) {
            throw new IllegalStateException(e);
        }
    }

    private void run(int seconds) {
        for (int i = 0; i < seconds; i++) {
            simulator.step();
        }
    }

    @Test
    void injectedLatencyOnCatalogIsDetectedWithinThirtySimulatedSeconds() {
        run(600);
        anomalies.clear();
        Instant faultStart = AFTERNOON.plusSeconds(600);
        simulator.inject(FaultSpecParser.parse("latency:catalog,magnitude=800,at=10m", AFTERNOON));

        run(60);

        AnomalyDetected first = anomalies.stream().filter(a -> a.componentId().equals("catalog")).findFirst()
                .orElseThrow(() -> new AssertionError("no anomaly on catalog; got " + anomalies));
        assertThat(first.at()).isBefore(faultStart.plusSeconds(30));
        assertThat(first.severity()).isGreaterThanOrEqualTo(Severity.MEDIUM);
        assertThat(first.explanation().fired()).anySatisfy(f -> assertThat(f.series()).contains("latency"));
        assertThat(first.explanation().contributions())
                .anySatisfy(c -> assertThat(c.family()).isEqualTo(DetectorFamily.STATISTICAL));
        assertThat(engine.state(topology.indexOf("catalog"))).isNotEqualTo(HealthState.HEALTHY);
    }

    @Test
    void faultFreeHourGivesFewMediumOrWorseDetections() {
        run(3600);

        long mediumOrWorse = anomalies.stream().filter(a -> a.severity().isAtLeast(Severity.MEDIUM)).count();

        assertThat(mediumOrWorse).as(anomalies.toString()).isLessThanOrEqualTo(3);
        assertThat(engine.maxStateBytesPerSeries()).isLessThanOrEqualTo(4096);
    }

    @Test
    void trafficBurstsAcrossTheSystemDoNotFire() {
        // bursts every few minutes instead of every hundred: each moves every request rate and latency at once
        SimulationConfig bursty = new SimulationConfig(7, AFTERNOON, SimulationConfig.DEFAULT_PEAK_ENTRY_RPS,
                SimulationConfig.DEFAULT_NOISE_FRACTION, 0.3, false);
        EventBus burstBus = new EventBus();
        MetricStore burstStore = MetricStores.inMemory();
        Simulator burstSimulator = new Simulator(topology, bursty, burstStore, burstBus, new SimulationClock(AFTERNOON));
        new DetectionEngine(topology, burstStore, burstBus, DetectionConfig.ofDefaults()).start();
        List<AnomalyDetected> seen = new ArrayList<>();
        burstBus.subscribe(AnomalyDetected.class, seen::add);

        for (int i = 0; i < 3600; i++) {
            burstSimulator.step();
        }

        assertThat(seen.stream().filter(a -> a.severity().isAtLeast(Severity.MEDIUM)).toList()).isEmpty();
    }
}
