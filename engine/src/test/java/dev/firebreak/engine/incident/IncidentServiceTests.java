package dev.firebreak.engine.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebreak.engine.assess.ComponentHealth;
import dev.firebreak.engine.check.CheckedHealthChanged;
import dev.firebreak.engine.check.HealthVerdict;
import dev.firebreak.engine.event.EventBus;
import dev.firebreak.engine.health.ComponentHealthChanged;
import dev.firebreak.engine.health.HealthState;
import dev.firebreak.engine.lifecycle.IllegalTransitionException;
import dev.firebreak.engine.telemetry.MetricsTicked;
import dev.firebreak.engine.time.SimulationClock;
import dev.firebreak.engine.topology.Topology;
import dev.firebreak.engine.topology.TopologyLoader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IncidentServiceTests {

    private static final Instant START = Instant.parse("2026-11-02T00:00:00Z");
    private final SimulationClock clock = new SimulationClock(START);
    private final EventBus bus = new EventBus();
    private final List<IncidentChanged> events = new ArrayList<>();
    private IncidentService service;
    private Topology shop;

    @BeforeEach
    void start() throws Exception {
        shop = TopologyLoader.loadResource("topologies/shop.yaml");
        service = new IncidentService(shop, IncidentConfig.defaults(), IncidentStore.inMemory(), bus, clock);
        ComponentHealth.attach(shop, bus);
        AlertIntake.attach(bus, service);
        bus.subscribe(IncidentChanged.class, events::add);
    }

    /** A health change as detection publishes it, then the end of the tick that hands it to the service. */
    private void health(String component, HealthState from, HealthState to) {
        bus.publish(new ComponentHealthChanged(clock.instant(), component, from, to, "test"));
        bus.publish(new MetricsTicked(clock.instant(), clock.instant().getEpochSecond()));
    }

    private void advance(Duration duration) {
        for (long s = 0; s < duration.toSeconds(); s++) {
            clock.advance(Duration.ofSeconds(1));
            service.tick(clock.instant());
        }
    }

    private Incident only() {
        assertThat(service.incidents()).hasSize(1);
        return service.incidents().getFirst();
    }

    @Test
    void databaseFailureAndItsSufferingCallersAreOneIncident() {
        health("postgres-primary", HealthState.HEALTHY, HealthState.FAILED);
        advance(Duration.ofSeconds(20));
        for (String caller : List.of("orders", "payments", "shipping", "inventory", "auth", "checkout")) {
            health(caller, HealthState.HEALTHY, HealthState.DEGRADED);
        }

        Incident incident = only();

        assertThat(incident.components()).containsExactly("postgres-primary", "orders", "payments", "shipping", "inventory",
                "auth", "checkout");
        assertThat(incident.alertCount()).isEqualTo(7);
        assertThat(incident.title()).startsWith("postgres-primary failed");
    }

    @Test
    void failedDatabaseStartsTheIncidentEvenWhenItsCallersAreReportedFirstInTheSameTick() {
        for (String caller : List.of("gateway", "orders", "payments")) {
            bus.publish(new ComponentHealthChanged(clock.instant(), caller, HealthState.HEALTHY, HealthState.DEGRADED, "t"));
        }
        bus.publish(new ComponentHealthChanged(clock.instant(), "postgres-primary", HealthState.HEALTHY, HealthState.FAILED, "t"));
        bus.publish(new MetricsTicked(clock.instant(), clock.instant().getEpochSecond()));

        assertThat(only().components().getFirst()).isEqualTo("postgres-primary");
        assertThat(only().title()).isEqualTo("postgres-primary failed");
    }

    @Test
    void faultsFarApartInTheTopologyAreSeparateIncidents() {
        health("email-provider", HealthState.HEALTHY, HealthState.DEGRADED);
        health("search-index", HealthState.HEALTHY, HealthState.CRITICAL);

        assertThat(service.incidents()).hasSize(2);
    }

    @Test
    void twoIncidentsBridgedByAComponentBetweenThemMergeIntoTheOlder() {
        health("email-provider", HealthState.HEALTHY, HealthState.DEGRADED);
        clock.advance(Duration.ofSeconds(1));
        health("orders", HealthState.HEALTHY, HealthState.CRITICAL);
        assertThat(service.incidents()).hasSize(2);

        clock.advance(Duration.ofSeconds(1));
        health("kafka", HealthState.HEALTHY, HealthState.DEGRADED);

        Incident older = service.incident(1).orElseThrow();
        Incident younger = service.incident(2).orElseThrow();
        assertThat(older.state().isOpen()).isTrue();
        assertThat(older.components()).containsExactlyInAnyOrder("email-provider", "orders", "kafka");
        assertThat(younger.state()).isEqualTo(IncidentState.MERGED);
        assertThat(service.timeline(2).getLast().text()).startsWith("Merged into INC-0001");
        assertThat(service.timeline(1)).anySatisfy(e -> assertThat(e.text()).startsWith("INC-0002 merged in"));
        assertThat(service.verify(1).intact()).isTrue();
        assertThat(service.verify(2).intact()).isTrue();

        clock.advance(Duration.ofSeconds(1));
        health("orders", HealthState.CRITICAL, HealthState.FAILED);
        assertThat(service.incident(1).orElseThrow().alertCount()).isGreaterThan(older.alertCount());
        assertThatThrownBy(() -> service.transition(1, IncidentState.MERGED, "alice", "same fault"))
                .hasMessageContaining("cannot be merged by hand");
        assertThat(IncidentState.movesFor(IncidentState.DETECTED)).doesNotContain(IncidentState.MERGED);
    }

    @Test
    void twoIncidentsThatHaveBothGrownStaySeparateWhenTheyComeToTouch() {
        health("email-provider", HealthState.HEALTHY, HealthState.DEGRADED);
        for (String component : new String[] {"orders", "shipping", "carrier-api", "postgres-primary"}) {
            clock.advance(Duration.ofSeconds(1));
            health(component, HealthState.HEALTHY, HealthState.CRITICAL);
        }
        assertThat(service.incidents()).hasSize(2);

        clock.advance(Duration.ofSeconds(1));
        health("kafka", HealthState.HEALTHY, HealthState.DEGRADED);

        assertThat(service.incidents()).extracting(Incident::state).containsOnly(IncidentState.DETECTED);
        assertThat(service.incident(2).orElseThrow().components()).contains("kafka", "orders");
    }

    @Test
    void repeatedFiringOfOneAlertIsCountedNotWrittenAgain() {
        health("catalog", HealthState.HEALTHY, HealthState.DEGRADED);
        long entries = service.timeline(only().id()).size();

        service.accept(DetectedAlerts.health(clock.instant(), "catalog", HealthState.DEGRADED, "again"));

        assertThat(only().alertCount()).isEqualTo(2);
        assertThat(service.timeline(only().id())).hasSize((int) entries);
    }

    @Test
    void incidentResolvesByItselfAfterTheQuietPeriodOnceEverythingIsHealthy() {
        health("catalog", HealthState.HEALTHY, HealthState.DEGRADED);
        advance(Duration.ofMinutes(3));
        health("catalog", HealthState.DEGRADED, HealthState.HEALTHY);

        advance(IncidentConfig.DEFAULT_QUIET_PERIOD.minusSeconds(1));
        assertThat(only().state()).isEqualTo(IncidentState.DETECTED);
        advance(Duration.ofSeconds(1));

        assertThat(only().state()).isEqualTo(IncidentState.RESOLVED);
        assertThat(events.getLast().kind()).isEqualTo(IncidentChanged.Kind.RESOLVED);
        assertThat(events.getLast().entry().text()).contains("resolved automatically");
    }

    @Test
    void flappingAlertReopensItsIncidentInsteadOfOpeningANewOne() {
        health("catalog", HealthState.HEALTHY, HealthState.DEGRADED);
        health("catalog", HealthState.DEGRADED, HealthState.HEALTHY);
        advance(IncidentConfig.DEFAULT_QUIET_PERIOD);
        assertThat(only().state()).isEqualTo(IncidentState.RESOLVED);

        advance(Duration.ofMinutes(2));
        health("catalog", HealthState.HEALTHY, HealthState.DEGRADED);

        assertThat(only().state()).isEqualTo(IncidentState.INVESTIGATING);
        assertThat(service.timeline(only().id())).anySatisfy(e -> assertThat(e.text()).contains("reopened"));
    }

    @Test
    void sameAlertLongAfterResolutionOpensANewIncident() {
        health("catalog", HealthState.HEALTHY, HealthState.DEGRADED);
        health("catalog", HealthState.DEGRADED, HealthState.HEALTHY);
        advance(IncidentConfig.DEFAULT_QUIET_PERIOD.plus(IncidentConfig.DEFAULT_REOPEN_WINDOW).plusSeconds(1));

        health("catalog", HealthState.HEALTHY, HealthState.DEGRADED);

        assertThat(service.incidents()).hasSize(2);
    }

    @Test
    void silencedAlertsOpenNothingAndAreCounted() {
        Silence silence = service.silence(Optional.of("catalog"), Optional.empty(), clock.instant(),
                clock.instant().plus(Duration.ofHours(1)), "catalog maintenance", "alice");

        health("catalog", HealthState.HEALTHY, HealthState.DEGRADED);

        assertThat(service.incidents()).isEmpty();
        assertThat(service.suppressedBy(silence.id())).isEqualTo(1);
    }

    @Test
    void anomalyAloneOpensNothingButJoinsAnIncidentNearIt() {
        service.accept(Alert.firing(AlertSource.ANOMALY, "anomaly:catalog", "catalog", AlertLevel.INFO, "catalog anomalous",
                clock.instant()).endedAt(clock.instant()));
        assertThat(service.incidents()).isEmpty();
        assertThat(service.alertsBelowThreshold()).isEqualTo(1);

        health("catalog", HealthState.HEALTHY, HealthState.DEGRADED);
        service.accept(Alert.firing(AlertSource.ANOMALY, "anomaly:pricing", "pricing", AlertLevel.INFO, "pricing anomalous",
                clock.instant()).endedAt(clock.instant()));

        assertThat(only().components()).containsExactly("catalog", "pricing");
    }

    @Test
    void severityFollowsUserImpactAsTheIncidentGrows() {
        health("recommendations", HealthState.HEALTHY, HealthState.DEGRADED);
        assertThat(only().severity()).isEqualTo(IncidentSeverity.P4);

        health("catalog", HealthState.HEALTHY, HealthState.CRITICAL);
        assertThat(only().severity()).isEqualTo(IncidentSeverity.P2);

        health("gateway", HealthState.HEALTHY, HealthState.DEGRADED);
        assertThat(only().severity()).isEqualTo(IncidentSeverity.P1);

        health("gateway", HealthState.DEGRADED, HealthState.FAILED);
        assertThat(only().severity()).isEqualTo(IncidentSeverity.P0);
    }

    @Test
    void whatOnlyTheChecksSeeOpensALowIncidentThatRisesWhenUsersFeelIt() {
        checks("gateway", HealthState.DEGRADED, "1 of 3 instances down");
        assertThat(only().severity()).isEqualTo(IncidentSeverity.P4);
        assertThat(only().title()).isEqualTo("gateway degraded");
        assertThat(service.timeline(only().id()).getFirst().text()).contains("checks only", "1 of 3 instances down");

        health("gateway", HealthState.HEALTHY, HealthState.DEGRADED);

        assertThat(only().severity()).isEqualTo(IncidentSeverity.P1);
        assertThat(service.timeline(only().id())).anySatisfy(entry -> {
            assertThat(entry.kind()).isEqualTo(TimelineKind.HEALTH);
            assertThat(entry.text()).startsWith("gateway degraded").doesNotContain("checks only");
        });
    }

    /** A change of a component's checks' verdict, then the end of the tick. */
    private void checks(String component, HealthState state, String reason) {
        bus.publish(new CheckedHealthChanged(clock.instant(), component, HealthState.HEALTHY,
                new HealthVerdict(state, false, false, false, reason)));
        bus.publish(new MetricsTicked(clock.instant(), clock.instant().getEpochSecond()));
    }

    @Test
    void primaryDatabaseDownIsAtLeastP1ForTheDataAtRisk() {
        health("postgres-primary", HealthState.HEALTHY, HealthState.FAILED);

        assertThat(only().severity()).isEqualTo(IncidentSeverity.P1);
        assertThat(only().type()).isEqualTo(IncidentType.DATA);
    }

    @Test
    void personOverridesSeverityWithAReasonAndTheTimelineSaysWho() {
        health("catalog", HealthState.HEALTHY, HealthState.DEGRADED);
        long id = only().id();

        service.overrideSeverity(id, IncidentSeverity.P1, "alice", "checkout conversion is down 40 %");
        health("pricing", HealthState.HEALTHY, HealthState.DEGRADED);

        assertThat(only().severity()).isEqualTo(IncidentSeverity.P1);
        assertThat(only().severityOverride()).contains("checkout conversion is down 40 %");
        assertThat(service.timeline(id)).anySatisfy(e -> {
            assertThat(e.actor()).isEqualTo("alice");
            assertThat(e.text()).contains("set by alice");
        });
        assertThatThrownBy(() -> service.overrideSeverity(id, IncidentSeverity.P0, "bob", " "))
                .hasMessageContaining("needs a reason");
    }

    @Test
    void illegalTransitionIsRefusedNamingTheState() {
        health("catalog", HealthState.HEALTHY, HealthState.DEGRADED);
        long id = only().id();

        assertThatThrownBy(() -> service.transition(id, IncidentState.CLOSED, "alice", ""))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("from DETECTED to CLOSED");
        assertThat(only().state()).isEqualTo(IncidentState.DETECTED);
    }

    @Test
    void handingOverTheCommanderRoleNamesBothPeople() {
        health("catalog", HealthState.HEALTHY, HealthState.DEGRADED);
        long id = only().id();

        service.assign(id, Role.COMMANDER, "alice", "alice");
        service.assign(id, Role.COMMANDER, "bob", "alice");

        assertThat(only().commander()).contains("bob");
        assertThat(service.timeline(id).getLast().text()).isEqualTo("Incident commander handed over from alice to bob");
    }

    @Test
    void timelineChainVerifiesAndEveryEntryNamesThePreviousHash() {
        health("catalog", HealthState.HEALTHY, HealthState.DEGRADED);
        long id = only().id();
        service.acknowledge(id, "alice");
        service.addNote(id, "alice", "looking at the catalog cache");

        List<TimelineEntry> timeline = service.timeline(id);

        assertThat(service.verify(id).intact()).isTrue();
        assertThat(timeline.getFirst().previousHash()).isEqualTo(TimelineChain.GENESIS);
        for (int i = 1; i < timeline.size(); i++) {
            assertThat(timeline.get(i).previousHash()).isEqualTo(timeline.get(i - 1).hash());
        }
    }

    @Test
    void statusUpdateIsDueAtTheSeverityCadence() {
        health("gateway", HealthState.HEALTHY, HealthState.FAILED);
        long id = only().id();
        assertThat(only().severity()).isEqualTo(IncidentSeverity.P0);

        assertThat(service.statusUpdateDue(id)).contains(START.plus(Duration.ofMinutes(15)));
        advance(Duration.ofMinutes(10));
        service.recordStatusUpdate(id, "alice", "update");

        assertThat(service.statusUpdateDue(id)).contains(START.plus(Duration.ofMinutes(25)));
    }

    @Test
    void alertOnAComponentOutsideTheTopologyIsRefusedNamingIt() {
        assertThatThrownBy(() -> service.accept(Alert.firing(AlertSource.EXTERNAL, "x", "paymnts", AlertLevel.CRITICAL,
                "down", clock.instant()))).hasMessageContaining("'paymnts'");
    }
}
