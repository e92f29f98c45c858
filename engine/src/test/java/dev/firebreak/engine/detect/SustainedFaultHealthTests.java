package dev.firebreak.engine.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.engine.detect.config.DetectionConfig;
import dev.firebreak.engine.event.EventBus;
import dev.firebreak.engine.fault.FaultSpecParser;
import dev.firebreak.engine.health.HealthState;
import dev.firebreak.engine.sim.SimulationConfig;
import dev.firebreak.engine.sim.Simulator;
import dev.firebreak.engine.telemetry.MetricStore;
import dev.firebreak.engine.telemetry.MetricStores;
import dev.firebreak.engine.time.SimulationClock;
import dev.firebreak.engine.topology.Topology;
import dev.firebreak.engine.topology.TopologyException;
import dev.firebreak.engine.topology.TopologyLoader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Detected health follows a fault for as long as it lasts, on the real simulator: a sustained fault
 * keeps its component unhealthy (the detectors hold their baseline instead of learning the fault's level)
 * and the component is healthy again once the fault is over and its signals are back.
 */
class SustainedFaultHealthTests {

    private static final Instant AFTERNOON = Instant.parse("2026-11-02T14:00:00Z");
    private static final int WARM_UP_SECONDS = 600;

    private final Topology topology = loadShop();
    private final MetricStore store = MetricStores.inMemory();
    private final EventBus bus = new EventBus();
    private final Simulator simulator = new Simulator(topology, SimulationConfig.defaults(42).withStart(AFTERNOON),
            store, bus, new SimulationClock(AFTERNOON));
    private final DetectionEngine engine = new DetectionEngine(topology, store, bus, DetectionConfig.ofDefaults()).start();

    private static Topology loadShop() {
        try {
            return TopologyLoader.loadResource("topologies/shop.yaml");
        } catch (TopologyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Steps the simulator and returns the component's detected health after each second. */
    private List<HealthState> run(int seconds, String componentId) {
        int index = topology.indexOf(componentId);
        List<HealthState> states = new ArrayList<>(seconds);
        for (int i = 0; i < seconds; i++) {
            simulator.step();
            states.add(engine.state(index));
        }
        return states;
    }

    /** The detected health of {@code watched} while postgres-primary is down and for ten minutes after it is replaced. */
    private record AroundKill(List<HealthState> whileDown, List<HealthState> afterReplacement) {
    }

    private AroundKill killDatabaseWatching(String watched) {
        run(WARM_UP_SECONDS, watched);
        simulator.inject(FaultSpecParser.parse("instance-kill:postgres-primary,magnitude=1,at=10m", AFTERNOON));
        // the simulator replaces a killed instance after two minutes
        return new AroundKill(run(115, watched), run(600, watched));
    }

    @Test
    void killedDatabaseStaysCriticalUntilItIsReplacedAndThenBecomesHealthy() {
        AroundKill database = killDatabaseWatching("postgres-primary");

        assertThat(database.whileDown().subList(10, 115))
                .allSatisfy(state -> assertThat(state).isIn(HealthState.CRITICAL, HealthState.FAILED));
        assertThat(database.afterReplacement().subList(540, 600)).containsOnly(HealthState.HEALTHY);
    }

    /**
     * Callers of a killed database fail fast while it is down, so their latency drops below normal. Their
     * latency detectors must not learn that as normal: the return to normal latency would then look like a
     * rise and keep them unhealthy for half an hour after the database is back (ADR 0017).
     */
    @Test
    void callersOfAKilledDatabaseAreHealthyAgainSoonAfterItIsReplaced() {
        AroundKill caller = killDatabaseWatching("orders");

        assertThat(caller.whileDown().subList(10, 115)).doesNotContain(HealthState.HEALTHY);
        // healthy for the last five of the ten minutes after the replacement
        assertThat(caller.afterReplacement().subList(300, 600)).containsOnly(HealthState.HEALTHY);
    }

    @Test
    void twentyMinutesOfAddedLatencyKeepCatalogUnhealthyThroughoutAndItRecoversAfter() {
        run(WARM_UP_SECONDS, "catalog");
        simulator.inject(FaultSpecParser.parse("latency:catalog,magnitude=800,at=10m,for=20m", AFTERNOON));

        List<HealthState> duringFault = run(20 * 60, "catalog");
        List<HealthState> afterFault = run(10 * 60, "catalog");

        assertThat(duringFault.subList(30, duringFault.size()))
                .allSatisfy(state -> assertThat(state).isIn(HealthState.DEGRADED, HealthState.CRITICAL, HealthState.FAILED));
        assertThat(afterFault.subList(afterFault.size() - 60, afterFault.size())).containsOnly(HealthState.HEALTHY);
    }
}
