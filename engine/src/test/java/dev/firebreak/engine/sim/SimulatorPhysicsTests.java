package dev.firebreak.engine.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.engine.action.RemediationAction;
import dev.firebreak.engine.change.ChangeEvent;
import dev.firebreak.engine.change.ChangeKind;
import dev.firebreak.engine.fault.FaultEnded;
import dev.firebreak.engine.fault.FaultSpec;
import dev.firebreak.engine.fault.FaultType;
import dev.firebreak.engine.health.HealthState;
import dev.firebreak.engine.telemetry.MetricName;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SimulatorPhysicsTests {

    private static final int WARM_UP = 120;

    private static FaultSpec fault(SimulationHarness h, FaultType type, String target, double magnitude, Duration duration) {
        return new FaultSpec(type, target, Optional.empty(), magnitude, h.clock.instant(), duration);
    }

    private static FaultSpec fault(SimulationHarness h, FaultType type, String target, String peer, double magnitude,
            Duration duration) {
        return new FaultSpec(type, target, Optional.of(peer), magnitude, h.clock.instant(), duration);
    }

    @Test
    void latencyAndErrorsRiseUpstreamWhenServiceSaturates() {
        SimulationHarness h = SimulationHarness.quietAfternoon(7);
        h.run(WARM_UP);
        double catalogP99 = h.mean("catalog", MetricName.LATENCY_P99, 60);
        double webP99 = h.mean("web", MetricName.LATENCY_P99, 60);
        double gatewayErrors = h.mean("gateway", MetricName.ERROR_RATE, 60);
        double catalogCpu = h.mean("catalog", MetricName.CPU, 60);

        h.simulator.inject(fault(h, FaultType.INSTANCE_KILL, "catalog", 2, Duration.ofMinutes(1)));
        h.run(60);

        assertThat(h.mean("catalog", MetricName.CPU, 30)).isGreaterThan(catalogCpu + 15);
        assertThat(h.mean("catalog", MetricName.LATENCY_P99, 30)).isGreaterThan(3 * catalogP99);
        assertThat(h.mean("web", MetricName.LATENCY_P99, 30)).isGreaterThan(1.5 * webP99);
        assertThat(h.mean("gateway", MetricName.ERROR_RATE, 30)).isGreaterThan(gatewayErrors + 5);
    }

    @Test
    void memoryLeakEndsInOutOfMemoryFailureWithoutRestart() {
        SimulationHarness h = SimulationHarness.quietAfternoon(7);
        h.run(WARM_UP);

        h.simulator.inject(fault(h, FaultType.MEMORY_LEAK, "cart", 10, Duration.ofHours(1)));
        h.run(360);

        assertThat(h.eventsOf(SimulatedConditionChanged.class))
                .anyMatch(e -> e.componentId().equals("cart") && e.to() == HealthState.FAILED);
        assertThat(h.max("cart", MetricName.MEMORY, 360)).isGreaterThan(95);
        assertThat(h.mean("web", MetricName.ERROR_RATE, 360)).isGreaterThan(1);
    }

    @Test
    void restartInTimeKeepsLeakingServiceFromFailing() {
        SimulationHarness h = SimulationHarness.quietAfternoon(7);
        h.run(WARM_UP);

        h.simulator.inject(fault(h, FaultType.MEMORY_LEAK, "cart", 10, Duration.ofHours(1)));
        h.run(180);
        double beforeRestart = h.latest("cart", MetricName.MEMORY);
        assertThat(h.simulator.execute(new RemediationAction.RestartInstance("cart")).applied()).isTrue();
        h.run(180);

        assertThat(h.eventsOf(SimulatedConditionChanged.class))
                .noneMatch(e -> e.componentId().equals("cart") && e.to() == HealthState.FAILED);
        assertThat(h.store.recent(h.handle("cart", MetricName.MEMORY), 178).values()[0]).isLessThan(beforeRestart - 20);
    }

    @Test
    void failoverMovesConnectionsToReplica() {
        SimulationHarness h = SimulationHarness.quietAfternoon(7);
        h.run(WARM_UP);
        double primaryConnections = h.mean("postgres", MetricName.CONNECTIONS, 30);
        double replicaConnections = h.mean("postgres-replica", MetricName.CONNECTIONS, 30);
        double replicaRate = h.mean("postgres-replica", MetricName.REQUEST_RATE, 30);

        var result = h.simulator.execute(new RemediationAction.Failover("postgres"));
        h.run(60);

        assertThat(result.applied()).isTrue();
        assertThat(primaryConnections).isGreaterThan(1);
        assertThat(h.mean("postgres", MetricName.CONNECTIONS, 30)).isLessThan(0.1);
        assertThat(h.mean("postgres", MetricName.REQUEST_RATE, 30)).isLessThan(1);
        assertThat(h.mean("postgres-replica", MetricName.CONNECTIONS, 30)).isGreaterThan(replicaConnections + primaryConnections * 0.5);
        assertThat(h.mean("postgres-replica", MetricName.REQUEST_RATE, 30)).isGreaterThan(replicaRate);
        assertThat(h.latest("postgres-replica", MetricName.REPLICATION_LAG)).isZero();
        assertThat(h.simulator.changes("postgres")).extracting(ChangeEvent::kind).containsExactly(ChangeKind.FAILOVER);
    }

    @Test
    void callsFailedOverToTheReplicaNoLongerCrossTheLossyNetworkOfThePrimary() {
        SimulationHarness h = SimulationHarness.quietAfternoon(7);
        h.run(WARM_UP);
        double baseline = h.mean("orders", MetricName.ERROR_RATE, 30);
        h.simulator.inject(fault(h, FaultType.PACKET_LOSS, "postgres", 0.3, Duration.ofMinutes(10)));
        h.run(60);
        double lossy = h.mean("orders", MetricName.ERROR_RATE, 30);

        h.simulator.execute(new RemediationAction.Failover("postgres"));
        h.run(90);

        assertThat(lossy).isGreaterThan(baseline + 10);
        assertThat(h.mean("orders", MetricName.ERROR_RATE, 30)).as("orders' errors after the failover, before the loss: "
                + baseline).isLessThan(baseline + 2);
    }

    @Test
    void failoverIsRefusedForComponentWithoutReplica() {
        SimulationHarness h = SimulationHarness.quietAfternoon(7);

        var result = h.simulator.execute(new RemediationAction.Failover("catalog"));

        assertThat(result.applied()).isFalse();
        assertThat(result.message()).contains("catalog");
    }

    @Test
    void latencyReturnsNearBaselineWhenFaultEnds() {
        SimulationHarness h = SimulationHarness.quietAfternoon(7);
        h.run(WARM_UP);
        double baseline = h.mean("catalog", MetricName.LATENCY_P50, 60);

        h.simulator.inject(fault(h, FaultType.LATENCY, "catalog", 500, Duration.ofMinutes(3)));
        h.run(120);
        double during = h.mean("catalog", MetricName.LATENCY_P50, 60);
        h.run(120);

        assertThat(during).isGreaterThan(baseline + 400);
        assertThat(h.mean("catalog", MetricName.LATENCY_P50, 30)).isCloseTo(baseline, org.assertj.core.data.Percentage.withPercentage(15));
        assertThat(h.eventsOf(FaultEnded.class)).hasSize(1);
        assertThat(h.simulator.groundTruth().faults()).singleElement()
                .satisfies(r -> assertThat(r.ended()).isPresent());
    }

    @Test
    void optionalDependencyFailureDegradesCallerWithoutFailingIt() {
        SimulationHarness h = SimulationHarness.quietAfternoon(7);
        h.run(WARM_UP);
        double webP50 = h.mean("web", MetricName.LATENCY_P50, 60);

        h.simulator.inject(fault(h, FaultType.DEPENDENCY_FAILURE, "web", "recommendations", 1, Duration.ofMinutes(5)));
        h.run(120);

        assertThat(h.mean("web", MetricName.ERROR_RATE, 60)).isLessThan(1);
        assertThat(h.mean("web", MetricName.LATENCY_P50, 60)).isGreaterThan(2 * webP50);
        assertThat(h.simulator.health(h.index("web"))).isNotIn(HealthState.HEALTHY, HealthState.FAILED);
    }

    @Test
    void requiredDependencyFailureMakesCallersError() {
        SimulationHarness h = SimulationHarness.quietAfternoon(7);
        h.run(WARM_UP);

        h.simulator.inject(fault(h, FaultType.DEPENDENCY_FAILURE, "web", "auth", 1, Duration.ofMinutes(5)));
        h.run(120);

        assertThat(h.mean("web", MetricName.ERROR_RATE, 60)).isGreaterThan(50);
        assertThat(h.mean("gateway", MetricName.ERROR_RATE, 60)).isGreaterThan(20);
        assertThat(h.simulator.health(h.index("web"))).isIn(HealthState.CRITICAL, HealthState.FAILED);
    }

    @Test
    void openCircuitBreakerTakesLoadOffFailingCallee() {
        SimulationHarness h = SimulationHarness.quietAfternoon(7);
        h.run(WARM_UP);
        h.simulator.inject(fault(h, FaultType.BAD_DEPLOYMENT, "payments", 0.9, Duration.ofHours(1)));
        h.run(60);
        double failingLoad = h.mean("payments", MetricName.REQUEST_RATE, 30);
        double ordersP99 = h.mean("orders", MetricName.LATENCY_P99, 30);

        h.simulator.execute(new RemediationAction.CircuitBreaker("orders", "payments", true));
        h.run(60);

        assertThat(failingLoad).isGreaterThan(10);
        assertThat(h.mean("payments", MetricName.REQUEST_RATE, 30)).isLessThan(failingLoad * 0.05);
        assertThat(h.mean("orders", MetricName.LATENCY_P99, 30)).isLessThan(ordersP99);
    }

    @Test
    void rollbackEndsBadDeploymentAndRecordsChanges() {
        SimulationHarness h = SimulationHarness.quietAfternoon(7);
        h.run(WARM_UP);
        h.simulator.inject(fault(h, FaultType.BAD_DEPLOYMENT, "catalog", 0.3, Duration.ofHours(1)));
        h.run(60);
        double failing = h.mean("catalog", MetricName.ERROR_RATE, 30);

        var result = h.simulator.execute(new RemediationAction.Rollback("catalog"));
        h.run(60);

        assertThat(result.applied()).isTrue();
        assertThat(failing).isGreaterThan(25);
        assertThat(h.mean("catalog", MetricName.ERROR_RATE, 30)).isLessThan(1);
        assertThat(h.simulator.changes("catalog")).extracting(ChangeEvent::kind)
                .containsExactly(ChangeKind.DEPLOYMENT, ChangeKind.ROLLBACK);
        ChangeEvent rollback = h.simulator.changes("catalog").get(1);
        assertThat(rollback.fromVersion()).isEqualTo("1.0.1");
        assertThat(rollback.toVersion()).isEqualTo("1.0.0");
        assertThat(h.eventsOf(FaultEnded.class)).singleElement().satisfies(e -> assertThat(e.cancelled()).isFalse());
        assertThat(h.simulator.faultsOn("catalog")).isEmpty();
    }

    @Test
    void clearedCacheSendsMissesToDatabaseUntilWarm() {
        SimulationHarness h = SimulationHarness.quietAfternoon(7);
        h.run(WARM_UP);
        double warmLoad = h.mean("postgres", MetricName.REQUEST_RATE, 30);

        h.simulator.execute(new RemediationAction.Cache("redis", false));
        h.run(10);
        double coldLoad = h.mean("postgres", MetricName.REQUEST_RATE, 5);
        h.simulator.execute(new RemediationAction.Cache("redis", true));
        h.run(10);

        assertThat(coldLoad).isGreaterThan(2 * warmLoad);
        assertThat(h.mean("postgres", MetricName.REQUEST_RATE, 5)).isLessThan(1.5 * warmLoad);
    }

    @Test
    void entryLoadAtDailyPeakExceedsNightLoad() {
        SimulationHarness night = new SimulationHarness(
                SimulationConfig.defaults(3).withStart(java.time.Instant.parse("2026-11-03T03:00:00Z")));
        SimulationHarness peak = new SimulationHarness(
                SimulationConfig.defaults(3).withStart(java.time.Instant.parse("2026-11-03T15:00:00Z")));

        night.run(300);
        peak.run(300);

        assertThat(peak.mean("gateway", MetricName.REQUEST_RATE, 300))
                .isGreaterThan(3 * night.mean("gateway", MetricName.REQUEST_RATE, 300));
        assertThat(Simulator.seasonality(java.time.Instant.parse("2026-11-07T15:00:00Z")))
                .isLessThan(Simulator.seasonality(java.time.Instant.parse("2026-11-03T15:00:00Z")));
    }

    @Test
    void leakedMemoryOutlivesTheLeakUntilRestart() {
        SimulationHarness h = SimulationHarness.quietAfternoon(7);
        h.run(WARM_UP);
        double normal = h.mean("cart", MetricName.MEMORY, 30);

        h.simulator.inject(fault(h, FaultType.MEMORY_LEAK, "cart", 5, Duration.ofMinutes(3)));
        h.run(300);
        double afterLeak = h.mean("cart", MetricName.MEMORY, 30);
        h.simulator.execute(new RemediationAction.RestartInstance("cart"));
        h.run(30);

        assertThat(afterLeak).isGreaterThan(normal + 12);
        assertThat(h.mean("cart", MetricName.MEMORY, 10)).isCloseTo(normal, org.assertj.core.data.Offset.offset(2.0));
    }

    @Test
    void killedInstancesAreReplacedAfterDelay() {
        SimulationHarness h = SimulationHarness.quietAfternoon(7);
        h.run(WARM_UP);
        double cpu = h.mean("catalog", MetricName.CPU, 30);

        h.simulator.inject(fault(h, FaultType.INSTANCE_KILL, "catalog", 1, Duration.ofMinutes(10)));
        h.run(60);
        double withoutOne = h.mean("catalog", MetricName.CPU, 30);
        h.run(120);

        assertThat(withoutOne).isGreaterThan(cpu + 5);
        assertThat(h.mean("catalog", MetricName.CPU, 30)).isCloseTo(cpu, org.assertj.core.data.Offset.offset(3.0));
    }

    @Test
    void badDeploymentEndingOnItsOwnShipsFixForward() {
        SimulationHarness h = SimulationHarness.quietAfternoon(7);
        h.run(WARM_UP);

        h.simulator.inject(fault(h, FaultType.BAD_DEPLOYMENT, "catalog", 0.3, Duration.ofMinutes(2)));
        h.run(180);

        assertThat(h.simulator.changes("catalog")).extracting(ChangeEvent::toVersion).containsExactly("1.0.1", "1.0.2");
        assertThat(h.simulator.changes("catalog")).extracting(ChangeEvent::kind)
                .containsExactly(ChangeKind.DEPLOYMENT, ChangeKind.DEPLOYMENT);
        assertThat(h.mean("catalog", MetricName.ERROR_RATE, 30)).isLessThan(1);
    }

    @Test
    void rerouteMovesShareOfTrafficToAlternative() {
        SimulationHarness h = SimulationHarness.quietAfternoon(7);
        h.run(WARM_UP);
        double catalog = h.mean("catalog", MetricName.REQUEST_RATE, 30);
        double recommendations = h.mean("recommendations", MetricName.REQUEST_RATE, 30);

        var refused = h.simulator.execute(new RemediationAction.Reroute("catalog", "redis", 0.5));
        h.simulator.execute(new RemediationAction.Reroute("catalog", "recommendations", 0.5));
        h.run(30);

        assertThat(refused.applied()).isFalse();
        assertThat(h.mean("catalog", MetricName.REQUEST_RATE, 10)).isCloseTo(catalog / 2, org.assertj.core.data.Percentage.withPercentage(10));
        assertThat(h.mean("recommendations", MetricName.REQUEST_RATE, 10)).isGreaterThan(recommendations + catalog * 0.4);
    }
}
