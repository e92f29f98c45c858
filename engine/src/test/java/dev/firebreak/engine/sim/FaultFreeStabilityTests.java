package dev.firebreak.engine.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.engine.event.EventBus;
import dev.firebreak.engine.health.HealthState;
import dev.firebreak.engine.telemetry.MetricStores;
import dev.firebreak.engine.telemetry.StoreRetention;
import dev.firebreak.engine.time.SimulationClock;
import dev.firebreak.engine.topology.Topology;
import dev.firebreak.engine.topology.TopologyException;
import dev.firebreak.engine.topology.TopologyGenerator;
import dev.firebreak.engine.topology.TopologyLoader;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Without faults a topology sized for its load stays healthy at the simulator's default load: noise,
 * the daily curve and routine deployments must not make components unhealthy, and bursts only briefly.
 */
class FaultFreeStabilityTests {

    private static final Instant MONDAY_MIDNIGHT = SimulationConfig.DEFAULT_START;
    private static final Instant MONDAY_PEAK = Instant.parse("2026-11-02T14:45:00Z");
    /** Small buffers: these runs only need health, not history. */
    private static final StoreRetention SHORT = new StoreRetention(60, 30, 1);

    @Test
    void generatedTopologyStaysHealthyAtTheDailyPeak() {
        Topology topology = TopologyGenerator.generate(2_000, 42);

        Run run = Run.of(topology, SimulationConfig.defaults(7).withStart(MONDAY_PEAK), Duration.ofMinutes(10));

        // before the steady load matched the physics, a quarter of this topology was unhealthy here
        assertThat(run.unhealthyShare()).isLessThan(0.001);
        assertThat(run.failedEntries).isZero();
    }

    @Test
    void generatedTopologyStaysHealthyThroughAFaultFreeDay() {
        Topology topology = TopologyGenerator.generate(150, 42);

        Run run = Run.of(topology, SimulationConfig.defaults(11).withStart(MONDAY_MIDNIGHT), Duration.ofHours(24));

        assertThat(run.unhealthyShare()).isLessThan(0.001);
        assertThat(run.failedEntries).isZero();
    }

    @Test
    void shopStaysHealthyThroughAFaultFreeDay() throws TopologyException {
        Topology shop = TopologyLoader.loadResource("topologies/shop.yaml");

        Run run = Run.of(shop, SimulationConfig.defaults(7).withStart(MONDAY_MIDNIGHT), Duration.ofHours(24));

        assertThat(run.unhealthyShare()).isLessThan(0.001);
        assertThat(run.failedEntries).isZero();
    }

    /** Counts unhealthy component-seconds and entries into FAILED over a fault-free run. */
    private static final class Run {
        long componentSeconds;
        long unhealthyComponentSeconds;
        int failedEntries;

        static Run of(Topology topology, SimulationConfig config, Duration length) {
            Run run = new Run();
            EventBus bus = new EventBus();
            bus.subscribe(SimulatedConditionChanged.class, change -> {
                if (change.to() == HealthState.FAILED) {
                    run.failedEntries++;
                }
            });
            Simulator simulator = new Simulator(topology, config, MetricStores.inMemory(SHORT), bus,
                    new SimulationClock(config.start()));
            for (long second = 0; second < length.toSeconds(); second++) {
                simulator.step();
                for (int c = 0; c < topology.size(); c++) {
                    if (simulator.health(c) != HealthState.HEALTHY) {
                        run.unhealthyComponentSeconds++;
                    }
                }
                run.componentSeconds += topology.size();
            }
            return run;
        }

        double unhealthyShare() {
            return (double) unhealthyComponentSeconds / componentSeconds;
        }
    }
}
