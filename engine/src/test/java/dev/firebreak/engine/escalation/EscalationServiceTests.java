package dev.firebreak.engine.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.engine.assess.ComponentHealth;
import dev.firebreak.engine.event.EventBus;
import dev.firebreak.engine.health.ComponentHealthChanged;
import dev.firebreak.engine.health.HealthState;
import dev.firebreak.engine.incident.Alert;
import dev.firebreak.engine.incident.AlertIntake;
import dev.firebreak.engine.incident.AlertLevel;
import dev.firebreak.engine.incident.AlertSource;
import dev.firebreak.engine.incident.IncidentConfig;
import dev.firebreak.engine.incident.IncidentService;
import dev.firebreak.engine.incident.IncidentSeverity;
import dev.firebreak.engine.incident.IncidentStore;
import dev.firebreak.engine.incident.TimelineKind;
import dev.firebreak.engine.telemetry.MetricsTicked;
import dev.firebreak.engine.time.SimulationClock;
import dev.firebreak.engine.topology.Topology;
import dev.firebreak.engine.topology.TopologyLoader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Escalation in simulated time: the test moves the clock, nothing sleeps. */
class EscalationServiceTests {

    private static final Instant START = Instant.parse("2026-11-02T00:00:00Z");
    private final SimulationClock clock = new SimulationClock(START);
    private final EventBus bus = new EventBus();
    private final List<Escalated> escalations = new ArrayList<>();
    private IncidentService incidents;
    private EscalationService escalation;

    @BeforeEach
    void start() throws Exception {
        Topology shop = TopologyLoader.loadResource("topologies/shop.yaml");
        incidents = new IncidentService(shop, IncidentConfig.defaults(), IncidentStore.inMemory(), bus, clock);
        ComponentHealth.attach(shop, bus);
        AlertIntake.attach(bus, incidents);
        escalation = EscalationService.attach(shop, EscalationConfigLoader.loadResource("escalation/policies.yaml"),
                incidents, bus);
        bus.subscribe(Escalated.class, escalations::add);
    }

    private void health(String component, HealthState to) {
        bus.publish(new ComponentHealthChanged(clock.instant(), component, HealthState.HEALTHY, to, "test"));
        tick();
    }

    private void tick() {
        bus.publish(new MetricsTicked(clock.instant(), clock.instant().getEpochSecond()));
    }

    private void advance(Duration duration) {
        for (long s = 0; s < duration.toSeconds(); s++) {
            clock.advance(Duration.ofSeconds(1));
            tick();
        }
    }

    private long onlyIncident() {
        return incidents.incidents().getFirst().id();
    }

    @Test
    void unacknowledgedDatabaseIncidentReachesTheSecondLevelAfterFiveMinutes() {
        health("postgres-primary", HealthState.FAILED);
        assertThat(escalations).singleElement().satisfies(e -> {
            assertThat(e.level()).isEqualTo(1);
            assertThat(e.policy()).isEqualTo("Critical infrastructure");
            assertThat(e.people()).containsExactly("alice (sre-primary)");
        });

        advance(Duration.ofMinutes(5).minusSeconds(1));
        assertThat(escalations).hasSize(1);
        advance(Duration.ofSeconds(1));

        assertThat(escalations).hasSize(2);
        assertThat(escalations.getLast().level()).isEqualTo(2);
        assertThat(escalations.getLast().people()).containsExactly("erin (sre-secondary)");
        assertThat(escalations.getLast().reason()).isEqualTo("not acknowledged after 5 min");
        assertThat(incidents.timeline(onlyIncident())).filteredOn(e -> e.kind() == TimelineKind.ESCALATION).hasSize(2);
    }

    @Test
    void acknowledgingStopsTheNotAcknowledgedLevel() {
        health("postgres-primary", HealthState.FAILED);
        advance(Duration.ofMinutes(2));

        incidents.acknowledge(onlyIncident(), "alice");
        advance(Duration.ofMinutes(10));

        assertThat(escalations).extracting(Escalated::level).containsExactly(1);
        assertThat(incidents.timeline(onlyIncident()).getLast().text()).contains("Level 2").contains("not needed")
                .contains("acknowledged by alice");
    }

    @Test
    void unresolvedIncidentKeepsClimbingEvenWhenAcknowledged() {
        health("postgres-primary", HealthState.FAILED);
        incidents.acknowledge(onlyIncident(), "alice");

        advance(Duration.ofMinutes(15));

        assertThat(escalations).extracting(Escalated::level).containsExactly(1, 3);
        assertThat(escalations.getLast().people()).containsExactly("grace (engineering-managers)");
    }

    @Test
    void applicationServicesUseTheirOwnPolicy() {
        health("recommendations", HealthState.DEGRADED);

        assertThat(escalations.getFirst().policy()).isEqualTo("Application services");
        assertThat(escalations.getFirst().method()).isEqualTo("pagerduty");
    }

    @Test
    void remediationFailedThreeTimesMovesOneLevelUp() {
        health("recommendations", HealthState.DEGRADED);
        long id = onlyIncident();

        escalation.remediationFailed(id, clock.instant(), "restart recommendations");
        escalation.remediationFailed(id, clock.instant(), "restart recommendations");
        assertThat(escalations).hasSize(1);
        escalation.remediationFailed(id, clock.instant(), "scale out recommendations");

        assertThat(escalations).hasSize(2);
        assertThat(escalations.getLast().reason()).startsWith("remediation failed 3 times");
        assertThat(escalation.firedTriggers(id)).contains(EscalationService.Trigger.REMEDIATION_FAILED);
    }

    @Test
    void blastRadiusDoublingRaisesSeverityToP1() {
        health("recommendations", HealthState.DEGRADED);
        long id = onlyIncident();
        assertThat(incidents.incident(id).orElseThrow().severity()).isEqualTo(IncidentSeverity.P4);

        health("catalog-cache", HealthState.DEGRADED);
        health("pricing", HealthState.DEGRADED);

        assertThat(incidents.incident(id).orElseThrow().severity()).isEqualTo(IncidentSeverity.P1);
        assertThat(incidents.incident(id).orElseThrow().severityOverride().orElseThrow()).contains("blast radius expanding");
    }

    @Test
    void componentsHitInTheOpeningSecondAreTheBaselineNotAnExpandingBlastRadius() {
        bus.publish(new ComponentHealthChanged(clock.instant(), "recommendations", HealthState.HEALTHY, HealthState.DEGRADED, "t"));
        bus.publish(new ComponentHealthChanged(clock.instant(), "catalog-cache", HealthState.HEALTHY, HealthState.DEGRADED, "t"));
        bus.publish(new ComponentHealthChanged(clock.instant(), "pricing", HealthState.HEALTHY, HealthState.DEGRADED, "t"));
        tick();
        long id = onlyIncident();

        assertThat(escalation.firedTriggers(id)).doesNotContain(EscalationService.Trigger.BLAST_RADIUS_EXPANDING);
        assertThat(incidents.incident(id).orElseThrow().severityOverride()).isEmpty();
    }

    @Test
    void prolongedDegradationMovesOneLevelUpAfterAnHour() {
        health("recommendations", HealthState.DEGRADED);
        incidents.acknowledge(onlyIncident(), "alice");

        advance(Duration.ofMinutes(59));
        int before = escalations.size();
        advance(Duration.ofMinutes(1));

        assertThat(escalations).hasSize(before + 1);
        assertThat(escalations.getLast().reason()).startsWith("prolonged degradation");
    }

    @Test
    void customerReportsAboveTheThresholdRaiseSeverityToP1() {
        health("recommendations", HealthState.DEGRADED);
        long id = onlyIncident();

        escalation.customerImpact(id, 5, false, "support");
        assertThat(incidents.incident(id).orElseThrow().severity()).isEqualTo(IncidentSeverity.P4);
        escalation.customerImpact(id, 11, false, "support");

        assertThat(incidents.incident(id).orElseThrow().severity()).isEqualTo(IncidentSeverity.P1);
    }

    @Test
    void dataIntegrityRiskRaisesSeverityToP0() {
        health("orders", HealthState.DEGRADED);
        long id = onlyIncident();

        escalation.dataIntegrityRisk(id, "orders row-count reconciliation", "dba");

        assertThat(incidents.incident(id).orElseThrow().severity()).isEqualTo(IncidentSeverity.P0);
    }

    @Test
    void securityIncidentIsRaisedToP0() {
        incidents.accept(new Alert(AlertSource.EXTERNAL, "ext:cert", "gateway", Optional.empty(), AlertLevel.WARNING,
                "gateway certificate expires in 2 days (security)", Map.of("alertname", "CertificateExpiry"),
                clock.instant(), Optional.empty()));
        tick();

        assertThat(incidents.incidents().getFirst().severity()).isEqualTo(IncidentSeverity.P0);
    }

    @Test
    void overrideInTheRotationIsWhoGetsPaged() throws Exception {
        OnCallRotation rotation = EscalationConfigLoader.loadResource("escalation/policies.yaml").rotation("sre-primary")
                .orElseThrow();

        assertThat(rotation.onCall(START)).isEqualTo("alice");
        assertThat(rotation.onCall(START.plus(Duration.ofDays(7)))).isEqualTo("dave");
        assertThat(rotation.onCall(START.plus(Duration.ofDays(8)))).isEqualTo("bob");
        assertThat(rotation.onCall(START.plus(Duration.ofDays(21)))).isEqualTo("alice");
    }
}
