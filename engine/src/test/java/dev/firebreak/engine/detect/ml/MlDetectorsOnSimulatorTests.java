package dev.firebreak.engine.detect.ml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.engine.event.EventBus;
import dev.firebreak.engine.fault.FaultSpecParser;
import dev.firebreak.engine.sim.SimulationConfig;
import dev.firebreak.engine.sim.Simulator;
import dev.firebreak.engine.telemetry.MetricName;
import dev.firebreak.engine.telemetry.MetricStore;
import dev.firebreak.engine.telemetry.MetricStores;
import dev.firebreak.engine.time.SimulationClock;
import dev.firebreak.engine.topology.Topology;
import dev.firebreak.engine.topology.TopologyException;
import dev.firebreak.engine.topology.TopologyLoader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

class MlDetectorsOnSimulatorTests {

    private static final Instant MORNING = Instant.parse("2026-11-02T10:00:00Z");
    private static final Executor DIRECT = Runnable::run;
    private static final int HOUR = 3600;
    private static final int FAULT_SECONDS = 600;
    /** Seconds for the injected latency to show in the metrics before we expect the score to follow. */
    private static final int ONSET = 30;

    @Test
    void bothScoresRiseOnCatalogDuringALatencyFault() throws TopologyException {
        Topology shop = TopologyLoader.loadResource("topologies/shop.yaml");
        MetricStore store = MetricStores.inMemory();
        SimulationClock clock = new SimulationClock(MORNING);
        Simulator sim = new Simulator(shop, SimulationConfig.defaults(7).withStart(MORNING), store, new EventBus(), clock);
        int catalog = shop.indexOf("catalog");
        int[] handles = reportedHandles(sim, catalog);
        List<String> names = new ArrayList<>();
        for (int handle : handles) {
            names.add(store.key(handle).metric().name().toLowerCase());
        }
        VectorDetector forest = MlDetectors.isolationForest(IsolationForestConfig.ofDefaults(), names, DIRECT);
        VectorDetector reconstruction = MlDetectors.reconstruction(ReconstructionConfig.ofDefaults(), names, DIRECT);
        double[][] quietHour = run(sim, store, handles, HOUR, forest, reconstruction);

        sim.inject(FaultSpecParser.parse("latency:catalog,magnitude=800,for=10m", clock.instant()));
        double[][] fault = run(sim, store, handles, FAULT_SECONDS, forest, reconstruction);

        for (int d = 0; d < 2; d++) {
            double before = mean(quietHour[d], HOUR - FAULT_SECONDS, HOUR);
            double during = mean(fault[d], ONSET, FAULT_SECONDS);
            assertThat(before).as("detector %d before the fault", d).isLessThan(0.3);
            assertThat(during).as("detector %d during the fault", d).isGreaterThan(0.75);
        }
    }

    private static int[] reportedHandles(Simulator sim, int component) {
        List<Integer> handles = new ArrayList<>();
        for (MetricName metric : MetricName.values()) {
            int handle = sim.seriesHandle(component, metric);
            if (handle >= 0) {
                handles.add(handle);
            }
        }
        return handles.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Steps the simulator, scoring catalog's vector each second; returns each detector's scores. */
    private static double[][] run(Simulator sim, MetricStore store, int[] handles, int seconds,
            VectorDetector... detectors) {
        double[][] scores = new double[detectors.length][seconds];
        double[] vector = new double[handles.length];
        for (int s = 0; s < seconds; s++) {
            sim.step();
            for (int f = 0; f < handles.length; f++) {
                vector[f] = store.latest(handles[f]);
            }
            long now = sim.clock().instant().getEpochSecond();
            for (int d = 0; d < detectors.length; d++) {
                scores[d][s] = detectors[d].update(now, vector).score();
            }
        }
        return scores;
    }

    private static double mean(double[] values, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += values[i];
        }
        return sum / (to - from);
    }
}
