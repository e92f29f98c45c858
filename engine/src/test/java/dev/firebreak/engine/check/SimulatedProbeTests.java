package dev.firebreak.engine.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.engine.event.EventBus;
import dev.firebreak.engine.fault.FaultSpecParser;
import dev.firebreak.engine.sim.SimulationConfig;
import dev.firebreak.engine.sim.SimulationRunner;
import dev.firebreak.engine.sim.Simulator;
import dev.firebreak.engine.telemetry.MetricName;
import dev.firebreak.engine.telemetry.MetricStore;
import dev.firebreak.engine.telemetry.MetricStores;
import dev.firebreak.engine.time.SimulationClock;
import dev.firebreak.engine.topology.Topology;
import dev.firebreak.engine.topology.TopologyException;
import dev.firebreak.engine.topology.TopologyLoader;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimulatedProbeTests {

    private static final Instant AFTERNOON = Instant.parse("2026-11-02T14:00:00Z");

    private final MetricStore store = MetricStores.inMemory();
    private final Simulator simulator;
    private final ComponentSignals signals;

    SimulatedProbeTests() throws TopologyException {
        Topology shop = TopologyLoader.loadResource("topologies/shop.yaml");
        SimulationConfig config = SimulationConfig.defaults(9).withStart(AFTERNOON).quiet();
        simulator = new Simulator(shop, config, store, new EventBus(), new SimulationClock(config.start()));
        signals = ComponentSignals.of(simulator, store);
    }

    @Test
    void endpointPassesOnAHealthyComponentAndFailsWhenHalfItsRequestsFail() {
        SimulationRunner.runFor(simulator, Duration.ofMinutes(2));
        Probe endpoint = SimulatedProbes.endpoint(signals, "cart", 5);
        ProbeResult healthy = endpoint.run(Duration.ofSeconds(1));

        simulator.inject(FaultSpecParser.parse("config-error:cart,magnitude=0.5", simulator.clock().instant()));
        SimulationRunner.runFor(simulator, Duration.ofSeconds(30));
        ProbeResult killed = endpoint.run(Duration.ofSeconds(1));

        assertThat(healthy.outcome()).as(healthy.message()).isEqualTo(ProbeOutcome.PASS);
        assertThat(killed.outcome()).as(killed.message()).isEqualTo(ProbeOutcome.FAIL);
        assertThat(killed.message()).contains("cart: expected error rate <= 5.0 %");
    }

    @Test
    void resourceProbeFailsWhenALeakPushesMemoryOverItsLimit() {
        SimulationRunner.runFor(simulator, Duration.ofMinutes(1));
        Probe resources = SimulatedProbes.resources(signals, "cart", Map.of(MetricName.MEMORY, 80.0));
        ProbeResult before = resources.run(Duration.ofSeconds(1));
        simulator.inject(FaultSpecParser.parse("memory-leak:cart,magnitude=10,for=30m", simulator.clock().instant()));

        ProbeResult result = before;
        for (int s = 0; s < 600 && result.passed(); s++) {
            simulator.step();
            result = resources.run(Duration.ofSeconds(1));
        }

        assertThat(before.outcome()).as(before.message()).isEqualTo(ProbeOutcome.PASS);
        assertThat(result.outcome()).isEqualTo(ProbeOutcome.FAIL);
        assertThat(result.message()).contains("Memory").contains("> 80.0");
    }

    @Test
    void unknownComponentIsAFailureNamingIt() {
        ProbeResult result = SimulatedProbes.endpoint(signals, "no-such", 5).run(Duration.ofSeconds(1));

        assertThat(result.message()).contains("no simulated component 'no-such'");
    }
}
