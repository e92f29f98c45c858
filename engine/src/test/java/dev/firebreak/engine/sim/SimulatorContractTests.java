package dev.firebreak.engine.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebreak.engine.action.ActionApplied;
import dev.firebreak.engine.action.RemediationAction;
import dev.firebreak.engine.change.ChangeEvent;
import dev.firebreak.engine.change.ChangeKind;
import dev.firebreak.engine.event.EngineEvent;
import dev.firebreak.engine.fault.ActiveFault;
import dev.firebreak.engine.fault.FaultEnded;
import dev.firebreak.engine.fault.FaultSpec;
import dev.firebreak.engine.fault.FaultStarted;
import dev.firebreak.engine.fault.FaultType;
import dev.firebreak.engine.telemetry.MetricName;
import dev.firebreak.engine.telemetry.MetricsTicked;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SimulatorContractTests {

    @Test
    void stepAdvancesClockOneSecondAndAppendsOneSampleToEverySeries() {
        SimulationHarness h = SimulationHarness.quietAfternoon(1);
        Instant start = h.clock.instant();

        h.run(3);

        assertThat(h.clock.instant()).isEqualTo(start.plusSeconds(3));
        assertThat(h.simulator.ticks()).isEqualTo(3);
        for (int handle = 0; handle < h.store.seriesCount(); handle++) {
            assertThat(h.store.all(handle)).as(h.store.key(handle).toString()).hasSize(3).doesNotContain(Double.NaN);
            assertThat(h.store.latestEpochSecond(handle)).isEqualTo(start.getEpochSecond() + 3);
        }
    }

    @Test
    void componentsReportOnlyMetricsThatFitTheirKind() {
        SimulationHarness h = SimulationHarness.quietAfternoon(1);

        assertThat(h.simulator.seriesHandle(h.index("kafka"), MetricName.QUEUE_DEPTH)).isNotNegative();
        assertThat(h.simulator.seriesHandle(h.index("web"), MetricName.QUEUE_DEPTH)).isEqualTo(-1);
        assertThat(h.simulator.seriesHandle(h.index("postgres-replica"), MetricName.REPLICATION_LAG)).isNotNegative();
        assertThat(h.simulator.seriesHandle(h.index("postgres"), MetricName.REPLICATION_LAG)).isEqualTo(-1);
        assertThat(h.simulator.seriesHandle(h.index("postgres"), MetricName.DISK_USED)).isNotNegative();
        assertThat(h.simulator.seriesHandle(h.index("web"), MetricName.CONNECTIONS)).isNotNegative();
        assertThat(h.simulator.seriesHandle(h.index("redis"), MetricName.CONNECTIONS)).isEqualTo(-1);
    }

    @Test
    void metricsTickedIsPublishedLastInEveryStep() {
        SimulationHarness h = SimulationHarness.quietAfternoon(1);
        h.simulator.inject(new FaultSpec(FaultType.BAD_DEPLOYMENT, "catalog", Optional.empty(), 0.9, h.clock.instant(),
                Duration.ofSeconds(30)));

        h.run(60);

        assertThat(h.eventsOf(MetricsTicked.class)).hasSize(60);
        EngineEvent previous = null;
        for (EngineEvent event : h.events) {
            if (previous != null && !(previous instanceof MetricsTicked)) {
                assertThat(event.at()).as("event after %s", previous).isEqualTo(previous.at());
            }
            previous = event;
        }
        assertThat(h.events.getLast()).isInstanceOf(MetricsTicked.class);
        assertThat(h.eventsOf(FaultStarted.class)).hasSize(1);
        assertThat(h.eventsOf(FaultEnded.class)).hasSize(1);
    }

    @Test
    void injectRejectsUnknownTargetNamingIt() {
        SimulationHarness h = SimulationHarness.quietAfternoon(1);

        assertThatThrownBy(() -> h.simulator.inject(new FaultSpec(FaultType.LATENCY, "nope", Optional.empty(), 100,
                h.clock.instant(), Duration.ofMinutes(1)))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope");
        assertThatThrownBy(() -> h.simulator.inject(new FaultSpec(FaultType.NETWORK_PARTITION, "web", Optional.of("ghost"), 1,
                h.clock.instant(), Duration.ofMinutes(1)))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ghost");
        assertThatThrownBy(() -> h.simulator.inject(new FaultSpec(FaultType.DEPENDENCY_FAILURE, "auth", Optional.of("catalog"), 1,
                h.clock.instant(), Duration.ofMinutes(1)))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("auth").hasMessageContaining("catalog");
    }

    @Test
    void scheduledFaultWaitsForItsStartAndCancelEndsItEarly() {
        SimulationHarness h = SimulationHarness.quietAfternoon(1);
        ActiveFault fault = h.simulator.inject(new FaultSpec(FaultType.LATENCY, "catalog", Optional.empty(), 300,
                h.clock.instant().plusSeconds(30), Duration.ofMinutes(10)));

        h.run(20);
        assertThat(h.simulator.faultsOn("catalog")).containsExactly(fault);
        assertThat(h.simulator.groundTruth().faults()).isEmpty();
        h.run(20);
        boolean cancelled = h.simulator.cancel(fault.id());
        h.run(1);

        assertThat(cancelled).isTrue();
        assertThat(h.simulator.faults()).isEmpty();
        assertThat(h.eventsOf(FaultEnded.class)).singleElement().satisfies(e -> assertThat(e.cancelled()).isTrue());
        var record = h.simulator.groundTruth().faults().getFirst();
        assertThat(record.started()).isEqualTo(fault.spec().start());
        assertThat(record.ended()).contains(h.clock.instant());
        assertThat(record.cancelled()).isTrue();
    }

    @Test
    void routineDeploymentsHappenOnWeekdayWorkingHoursWithNewVersions() {
        SimulationHarness h = new SimulationHarness(SimulationConfig.defaults(5).withStart(Instant.parse("2026-11-03T08:00:00Z")));

        h.run(10 * 3600);

        var deployments = h.eventsOf(ChangeEvent.class);
        assertThat(deployments).isNotEmpty().allSatisfy(e -> {
            assertThat(e.kind()).isEqualTo(ChangeKind.DEPLOYMENT);
            assertThat(e.toVersion()).isNotEqualTo(e.fromVersion());
            int hour = e.at().atZone(java.time.ZoneOffset.UTC).getHour();
            assertThat(hour).isBetween(9, 16);
        });
    }

    @Test
    void actionsAreValidatedAtOnceAndAppliedInNextStep() {
        SimulationHarness h = SimulationHarness.quietAfternoon(1);

        var refused = h.simulator.execute(new RemediationAction.Cache("web", false));
        var unknown = h.simulator.execute(new RemediationAction.RestartInstance("ghost"));
        var breaker = h.simulator.execute(new RemediationAction.CircuitBreaker("auth", "catalog", true));
        var scaled = h.simulator.execute(new RemediationAction.Scale("catalog", 8));
        assertThat(h.eventsOf(ActionApplied.class)).isEmpty();
        h.run(1);

        assertThat(refused.applied()).isFalse();
        assertThat(unknown.message()).contains("ghost");
        assertThat(breaker.applied()).isFalse();
        assertThat(scaled.applied()).isTrue();
        assertThat(h.eventsOf(ActionApplied.class)).singleElement()
                .satisfies(e -> assertThat(e.action()).isEqualTo(new RemediationAction.Scale("catalog", 8)));
        assertThat(h.simulator.changes("catalog")).extracting(ChangeEvent::kind).containsExactly(ChangeKind.SCALING);
    }

    @Test
    void scalingOutLowersUtilisationAfterProvisioning() {
        SimulationHarness h = SimulationHarness.quietAfternoon(1);
        h.run(60);
        double cpu = h.mean("catalog", MetricName.CPU, 30);

        h.simulator.execute(new RemediationAction.Scale("catalog", 8));
        h.run(90);

        assertThat(h.mean("catalog", MetricName.CPU, 30)).isLessThan(cpu * 0.7);
    }

    @Test
    void fullDiskFailsDatabaseUntilCleaned() {
        SimulationHarness h = SimulationHarness.quietAfternoon(1);
        h.simulator.inject(new FaultSpec(FaultType.DISK_FILL, "postgres", Optional.empty(), 100, h.clock.instant(),
                Duration.ofMinutes(2)));
        h.run(180);
        double fullErrors = h.mean("postgres", MetricName.ERROR_RATE, 30);

        h.simulator.execute(new RemediationAction.CleanDisk("postgres"));
        h.run(30);

        assertThat(fullErrors).isGreaterThan(80);
        assertThat(h.mean("postgres", MetricName.ERROR_RATE, 10)).isLessThan(1);
        assertThat(h.latest("postgres", MetricName.DISK_USED)).isLessThan(70);
    }

    @Test
    void partitionFromPrimaryMakesReplicaLag() {
        SimulationHarness h = SimulationHarness.quietAfternoon(1);
        h.run(60);
        double lag = h.mean("postgres-replica", MetricName.REPLICATION_LAG, 30);

        h.simulator.inject(new FaultSpec(FaultType.NETWORK_PARTITION, "postgres-replica", Optional.of("postgres"), 1,
                h.clock.instant(), Duration.ofMinutes(2)));
        h.run(60);

        assertThat(h.latest("postgres-replica", MetricName.REPLICATION_LAG)).isGreaterThan(lag + 30);
    }

    @Test
    void otherThreadsCanInjectActAndReadWhileSimulatorSteps() throws Exception {
        SimulationHarness h = SimulationHarness.quietAfternoon(1);
        java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
        Thread stepper = Thread.ofPlatform().start(() -> h.run(2000));

        for (int i = 0; i < 200; i++) {
            try {
                ActiveFault fault = h.simulator.inject(new FaultSpec(FaultType.LATENCY, "catalog", Optional.empty(), 50,
                        h.clock.instant(), Duration.ofSeconds(5)));
                h.simulator.execute(new RemediationAction.RestartInstance("web"));
                h.simulator.healthSnapshot();
                h.simulator.groundTruth();
                h.simulator.changes("catalog");
                h.simulator.faultsOn("catalog");
                if (i % 3 == 0) {
                    h.simulator.cancel(fault.id());
                }
            } catch (RuntimeException e) {
                failure.set(e);
            }
        }
        stepper.join();

        assertThat(failure.get()).isNull();
        assertThat(h.simulator.ticks()).isEqualTo(2000);
        assertThat(h.eventsOf(MetricsTicked.class)).hasSize(2000);
    }
}
