package dev.firebreak.engine.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.engine.detect.composite.Finding;
import dev.firebreak.engine.detect.ml.MlDetectors;
import dev.firebreak.engine.event.EventBus;
import dev.firebreak.engine.sim.SimulationConfig;
import dev.firebreak.engine.sim.Simulator;
import dev.firebreak.engine.telemetry.MetricStore;
import dev.firebreak.engine.telemetry.MetricStores;
import dev.firebreak.engine.time.SimulationClock;
import dev.firebreak.engine.topology.Topology;
import dev.firebreak.engine.topology.TopologyException;
import dev.firebreak.engine.topology.TopologyGenerator;
import dev.firebreak.engine.topology.TopologyLoader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/** The detection the console ships ({@link DetectionEngine#shipped}) on the simulated shop. */
class ShippedDetectionTests {

    private static final Instant MORNING = Instant.parse("2026-11-02T08:00:00Z");
    private static final int QUIET_SECONDS = 2 * 3600;

    private final Topology shop = loadShop();
    private final MetricStore store = MetricStores.inMemory();
    private final EventBus bus = new EventBus();
    private final SimulationClock clock = new SimulationClock(MORNING);
    private final Simulator sim = new Simulator(shop, SimulationConfig.defaults(3).withStart(MORNING), store, bus,
            clock);

    @Test
    void mlFamilyStaysQuietOnFaultFreeTraffic() {
        DetectionEngine engine = DetectionEngine.shipped(shop, store, bus, Runnable::run).start();
        List<AnomalyDetected> mediumOrWorse = new ArrayList<>();
        bus.subscribe(AnomalyDetected.class, anomaly -> {
            if (anomaly.severity().isAtLeast(Severity.MEDIUM)) {
                mediumOrWorse.add(anomaly);
            }
        });
        List<String> mlFindings = new ArrayList<>();

        for (int s = 0; s < QUIET_SECONDS; s++) {
            sim.step();
            for (int c = 0; c < shop.size(); c++) {
                for (Finding finding : engine.latest(c).explanation().fired()) {
                    if (finding.output().kind().family() == DetectorFamily.ML) {
                        mlFindings.add(s + " s " + finding.series() + ": " + finding.output().reason());
                    }
                }
            }
        }

        assertThat(mlFindings).isEmpty();
        assertThat(mediumOrWorse).isEmpty();
    }

    @Test
    void largeTopologiesRunWithoutTheMlFamilySmallOnesWithIt() throws TopologyException {
        Executor never = task -> {
            throw new AssertionError("nothing is fitted before the first tick");
        };
        Topology large = TopologyGenerator.generate(MlDetectors.SHIPPED_MAX_COMPONENTS + 1, 1);
        Topology shop = TopologyLoader.loadResource("topologies/shop.yaml");

        try (DetectionEngine forLarge = DetectionEngine.shipped(large, MetricStores.inMemory(), new EventBus(), never);
                DetectionEngine forShop = DetectionEngine.shipped(shop, MetricStores.inMemory(), new EventBus(), never)) {
            assertThat(forLarge.runsVectorDetectors()).isFalse();
            assertThat(forShop.runsVectorDetectors()).isTrue();
        }
    }

    @Test
    void refitsAreHandedToTheGivenExecutorNotRunOnTheDetectionThread() {
        List<Runnable> handedOff = new ArrayList<>();
        Executor held = handedOff::add;
        DetectionEngine.shipped(shop, store, bus, held).start();

        for (int s = 0; s < MlDetectors.shippedForest().minTrainingSamples() + 10; s++) {
            sim.step();
        }

        // Every component reports at least two metrics: one forest fit and one reconstruction fit each,
        // all waiting for the executor; the ticks above completed without running any of them.
        assertThat(handedOff).hasSize(2 * shop.size());
    }

    private static Topology loadShop() {
        try {
            return TopologyLoader.loadResource("topologies/shop.yaml");
        } catch (TopologyException e) {
            throw new IllegalStateException(e);
        }
    }
}
