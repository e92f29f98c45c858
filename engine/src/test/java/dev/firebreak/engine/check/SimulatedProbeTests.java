package dev.firebreak.engine.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.engine.check.internal.ResourceTrend;
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
    void aSlowRequestPathTimesOutTheEndpointButNotTheHealthEndpointThatAnswersWithoutItsDependencies() {
        SimulationRunner.runFor(simulator, Duration.ofMinutes(2));
        simulator.inject(FaultSpecParser.parse("latency:cart,magnitude=1500", simulator.clock().instant()));
        SimulationRunner.runFor(simulator, Duration.ofSeconds(30));

        ProbeResult request = SimulatedProbes.endpoint(signals, "cart", 5).run(Duration.ofSeconds(1));
        ProbeResult health = SimulatedProbes.liveness(signals, "cart", 5).run(Duration.ofSeconds(1));

        assertThat(request.outcome()).as(request.message()).isEqualTo(ProbeOutcome.TIMEOUT);
        assertThat(request.message()).contains("exceeds the 1000 ms timeout");
        assertThat(health.outcome()).as(health.message()).isEqualTo(ProbeOutcome.PASS);
    }

    @Test
    void healthEndpointFailsWhenTheComponentFailsItsOwnRequests() {
        SimulationRunner.runFor(simulator, Duration.ofMinutes(2));
        simulator.inject(FaultSpecParser.parse("config-error:cart,magnitude=0.5", simulator.clock().instant()));
        SimulationRunner.runFor(simulator, Duration.ofSeconds(30));

        ProbeResult health = SimulatedProbes.liveness(signals, "cart", 5).run(Duration.ofSeconds(1));

        assertThat(health.outcome()).as(health.message()).isEqualTo(ProbeOutcome.FAIL);
        assertThat(health.message()).contains("cart: expected error rate <= 5.0 %");
    }

    @Test
    void resourceProbeFailsWhenALeakPushesMemoryOverItsLimitAfterSayingItIsRising() {
        SimulationRunner.runFor(simulator, Duration.ofMinutes(5));
        Probe resources = SimulatedProbes.resources(signals, "cart", Map.of(MetricName.MEMORY, 80.0));
        ProbeResult before = resources.run(Duration.ofSeconds(1));
        simulator.inject(FaultSpecParser.parse("memory-leak:cart,magnitude=10,for=30m", simulator.clock().instant()));

        ProbeResult firstFailure = null;
        ProbeResult result = before;
        for (int s = 0; s < 600 && !result.message().contains("> 80.0"); s++) {
            simulator.step();
            result = resources.run(Duration.ofSeconds(1));
            if (firstFailure == null && !result.passed()) {
                firstFailure = result;
            }
        }

        assertThat(before.outcome()).as(before.message()).isEqualTo(ProbeOutcome.PASS);
        assertThat(firstFailure).isNotNull();
        assertThat(firstFailure.message()).contains("Memory rising toward its limit");
        assertThat(result.outcome()).isEqualTo(ProbeOutcome.FAIL);
        assertThat(result.message()).contains("expected resources within limits, got Memory").contains("> 80.0");
    }

    @Test
    void instancesProbeSeesOneOfThreeCartInstancesDownUntilItIsReplaced() {
        SimulationRunner.runFor(simulator, Duration.ofMinutes(1));
        Probe instances = SimulatedProbes.instances(signals, "cart");
        ProbeResult before = instances.run(Duration.ofSeconds(1));

        simulator.inject(FaultSpecParser.parse("instance-kill:cart,magnitude=1,for=10m", simulator.clock().instant()));
        SimulationRunner.runFor(simulator, Duration.ofSeconds(5));
        ProbeResult killed = instances.run(Duration.ofSeconds(1));
        ProbeResult endpoint = SimulatedProbes.endpoint(signals, "cart", 5).run(Duration.ofSeconds(1));
        SimulationRunner.runFor(simulator, Duration.ofMinutes(3));
        ProbeResult replaced = instances.run(Duration.ofSeconds(1));

        assertThat(before.message()).isEqualTo("cart: 3 of 3 instances up");
        assertThat(killed.outcome()).isEqualTo(ProbeOutcome.FAIL);
        assertThat(killed.message()).isEqualTo("cart: 1 of 3 instances down");
        assertThat(endpoint.outcome()).as("the other two carry the load: " + endpoint.message())
                .isEqualTo(ProbeOutcome.PASS);
        assertThat(replaced.outcome()).as(replaced.message()).isEqualTo(ProbeOutcome.PASS);
    }

    @Test
    void resourceProbeSaysMemoryIsRisingTowardItsLimitLongBeforeItCrossesIt() {
        SimulationRunner.runFor(simulator, Duration.ofMinutes(5));
        Probe resources = SimulatedProbes.resources(signals, "orders", SimulatedProbes.DEFAULT_LIMITS);
        ProbeResult before = resources.run(Duration.ofSeconds(1));
        simulator.inject(FaultSpecParser.parse("memory-leak:orders,magnitude=2,for=30m", simulator.clock().instant()));

        int seconds = 0;
        ProbeResult result = before;
        while (result.passed() && seconds < 600) {
            simulator.step();
            seconds++;
            result = resources.run(Duration.ofSeconds(1));
        }
        double memory = signals.latest("orders", MetricName.MEMORY).orElseThrow();

        assertThat(before.outcome()).as(before.message()).isEqualTo(ProbeOutcome.PASS);
        assertThat(result.outcome()).isEqualTo(ProbeOutcome.FAIL);
        assertThat(result.message()).startsWith("orders: Memory rising toward its limit: ").contains("95 % in about");
        assertThat(seconds).as("a four-minute window of steady rise").isBetween(ResourceTrend.WINDOW_SECONDS / 2,
                ResourceTrend.WINDOW_SECONDS + 30);
        assertThat(memory).as("still well below the limit").isLessThan(80);
    }

    @Test
    void memoryPressureStepIsOverOrUnderTheLimitButNeverRising() {
        SimulationRunner.runFor(simulator, Duration.ofMinutes(5));
        Probe resources = SimulatedProbes.resources(signals, "orders", SimulatedProbes.DEFAULT_LIMITS);
        simulator.inject(FaultSpecParser.parse("memory-pressure:orders,magnitude=20,for=10m", simulator.clock().instant()));

        boolean saidRising = false;
        for (int s = 0; s < 600; s++) {
            simulator.step();
            saidRising |= resources.run(Duration.ofSeconds(1)).message().contains("rising");
        }

        assertThat(saidRising).isFalse();
    }

    @Test
    void unknownComponentIsAFailureNamingIt() {
        ProbeResult result = SimulatedProbes.endpoint(signals, "no-such", 5).run(Duration.ofSeconds(1));

        assertThat(result.message()).contains("no simulated component 'no-such'");
    }
}
