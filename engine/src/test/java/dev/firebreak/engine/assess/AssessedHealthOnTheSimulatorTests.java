package dev.firebreak.engine.assess;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.engine.check.CheckPolicies;
import dev.firebreak.engine.check.CheckTier;
import dev.firebreak.engine.check.CheckedHealthChanged;
import dev.firebreak.engine.check.ComponentChecks;
import dev.firebreak.engine.check.ComponentSignals;
import dev.firebreak.engine.check.HealthCheckScheduler;
import dev.firebreak.engine.check.SimulatedProbes;
import dev.firebreak.engine.check.TickTaskScheduler;
import dev.firebreak.engine.detect.config.DetectionConfig;
import dev.firebreak.engine.detect.DetectionEngine;
import dev.firebreak.engine.detect.Severity;
import dev.firebreak.engine.detect.ml.VectorDetectorFactory;
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
 * Detection, the default simulated checks on simulated time and their combination, on the real simulator: what
 * the console runs, assembled by hand. A lost replica that users do not feel is degraded at low severity; a
 * killed single-replica database is failed by detection and the checks agree.
 */
class AssessedHealthOnTheSimulatorTests {

    private static final Instant AFTERNOON = Instant.parse("2026-11-02T14:00:00Z");
    private static final int WARM_UP_SECONDS = 600;

    private final Topology shop;
    private final MetricStore store = MetricStores.inMemory();
    private final EventBus bus = new EventBus();
    private final SimulationClock clock = new SimulationClock(AFTERNOON);
    private final Simulator simulator;
    private final DetectionEngine detection;
    private final HealthCheckScheduler checks;
    private final ComponentHealth health;
    private final List<CheckedHealthChanged> checkedChanges = new ArrayList<>();
    private final List<AssessedHealthChanged> assessedChanges = new ArrayList<>();

    AssessedHealthOnTheSimulatorTests() throws TopologyException {
        shop = TopologyLoader.loadResource("topologies/shop.yaml");
        simulator = new Simulator(shop, SimulationConfig.defaults(7).withStart(AFTERNOON), store, bus, clock);
        detection = new DetectionEngine(shop, store, bus, DetectionConfig.ofDefaults(), VectorDetectorFactory.none()).start();
        TickTaskScheduler ticks = TickTaskScheduler.attach(bus, clock);
        checks = new HealthCheckScheduler(SimulatedProbes.defaultChecks(ComponentSignals.of(simulator, store), shop),
                CheckPolicies.defaults(), ticks, clock, bus);
        health = ComponentHealth.attach(shop, bus);
        bus.subscribe(CheckedHealthChanged.class, checkedChanges::add);
        bus.subscribe(AssessedHealthChanged.class, assessedChanges::add);
        checks.start();
    }

    private void run(int seconds) {
        for (int i = 0; i < seconds; i++) {
            simulator.step();
        }
    }

    @Test
    void faultFreeTenMinutesLeaveEveryCheckPassingAndEveryComponentHealthy() {
        run(WARM_UP_SECONDS);

        assertThat(checkedChanges).isEmpty();
        assertThat(health.snapshot()).containsOnly(HealthState.HEALTHY);
    }

    @Test
    void lostReplicaWhileTheOthersCarryTheLoadIsDegradedAtLowSeverityUntilReplaced() {
        int catalog = shop.indexOf("catalog");
        run(WARM_UP_SECONDS);
        simulator.inject(FaultSpecParser.parse("instance-kill:catalog,magnitude=1", clock.instant()));

        run(15);
        HealthAssessment whileDown = health.assessment(catalog);
        ComponentChecks catalogChecks = checks.checks("catalog").orElseThrow();
        run(180);

        assertThat(detection.state(catalog)).as("no golden signal moved").isEqualTo(HealthState.HEALTHY);
        assertThat(whileDown.state()).isEqualTo(HealthState.DEGRADED);
        assertThat(whileDown.severity()).isEqualTo(Severity.LOW);
        assertThat(whileDown.source()).isEqualTo(HealthSource.CHECKS);
        assertThat(whileDown.reason()).startsWith("checks only, no user-visible signal: ")
                .contains("catalog: 1 of 6 instances down");
        assertThat(catalogChecks.tier(CheckTier.SHALLOW)).filteredOn(c -> c.failing()).singleElement()
                .satisfies(c -> assertThat(c.checkId()).isEqualTo("catalog/instances"));
        assertThat(catalogChecks.verdict().triggerDeep()).isTrue();
        assertThat(health.state(catalog)).as("replaced after two minutes").isEqualTo(HealthState.HEALTHY);
        assertThat(assessedChanges).filteredOn(c -> c.componentId().equals("catalog"))
                .extracting(AssessedHealthChanged::to).containsExactly(HealthState.DEGRADED, HealthState.HEALTHY);
    }

    @Test
    void lostReplicaThatUsersFeelIsDegradedByDetectionAtMediumSeverity() {
        int cart = shop.indexOf("cart");
        run(WARM_UP_SECONDS);
        simulator.inject(FaultSpecParser.parse("instance-kill:cart,magnitude=1", clock.instant()));

        run(15);

        HealthAssessment assessment = health.assessment(cart);
        assertThat(detection.state(cart)).as("at the afternoon peak two of three cannot carry it")
                .isEqualTo(HealthState.DEGRADED);
        assertThat(assessment.state()).isEqualTo(HealthState.DEGRADED);
        assertThat(assessment.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(assessment.source()).as("the instances check confirms it").isEqualTo(HealthSource.BOTH);
        assertThat(assessment.reason()).contains("; checks: ").contains("cart: 1 of 3 instances down");
    }

    @Test
    void killedSingleReplicaDatabaseIsFailedByDetectionAndItsChecksAgree() {
        int database = shop.indexOf("postgres-primary");
        run(WARM_UP_SECONDS);
        simulator.inject(FaultSpecParser.parse("instance-kill:postgres-primary,magnitude=1", clock.instant()));

        run(40);

        HealthAssessment assessment = health.assessment(database);
        assertThat(assessment.state()).isIn(HealthState.CRITICAL, HealthState.FAILED);
        assertThat(assessment.severity().isAtLeast(Severity.HIGH)).isTrue();
        assertThat(assessment.checked()).isEqualTo(HealthState.CRITICAL);
        assertThat(checks.checks("postgres-primary").orElseThrow().verdict().remediate()).isTrue();
    }
}
