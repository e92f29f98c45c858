package dev.firebreak.engine.assess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebreak.engine.check.CheckedHealthChanged;
import dev.firebreak.engine.check.HealthStateRule;
import dev.firebreak.engine.detect.Severity;
import dev.firebreak.engine.event.EventBus;
import dev.firebreak.engine.health.ComponentHealthChanged;
import dev.firebreak.engine.health.HealthState;
import dev.firebreak.engine.lifecycle.IllegalTransitionException;
import dev.firebreak.engine.lifecycle.StateMachine;
import dev.firebreak.engine.topology.Topology;
import dev.firebreak.engine.topology.TopologyException;
import dev.firebreak.engine.topology.TopologyLoader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComponentHealthTests {

    private static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");

    private final Topology shop;
    private final EventBus bus = new EventBus();
    private final ComponentHealth health;
    private final List<AssessedHealthChanged> changes = new ArrayList<>();

    ComponentHealthTests() throws TopologyException {
        shop = TopologyLoader.loadResource("topologies/shop.yaml");
        health = ComponentHealth.attach(shop, bus);
        bus.subscribe(AssessedHealthChanged.class, changes::add);
    }

    private void checks(int seconds, String component, HealthState from, int shallowFailures) {
        bus.publish(new CheckedHealthChanged(T0.plusSeconds(seconds), component, from,
                HealthStateRule.evaluate(shallowFailures, 0, 0)));
    }

    private void detection(int seconds, String component, HealthState from, HealthState to) {
        bus.publish(new ComponentHealthChanged(T0.plusSeconds(seconds), component, from, to, "detection: error rate"));
    }

    @Test
    void failingShallowCheckAloneDegradesTheComponentAtLowSeverity() {
        checks(10, "cart", HealthState.HEALTHY, 1);

        HealthAssessment assessment = health.assessment(shop.indexOf("cart"));
        assertThat(assessment.state()).isEqualTo(HealthState.DEGRADED);
        assertThat(assessment.severity()).isEqualTo(Severity.LOW);
        assertThat(changes).singleElement().satisfies(change -> {
            assertThat(change.componentId()).isEqualTo("cart");
            assertThat(change.at()).isEqualTo(T0.plusSeconds(10));
            assertThat(change.from()).isEqualTo(HealthState.HEALTHY);
            assertThat(change.to()).isEqualTo(HealthState.DEGRADED);
        });
    }

    @Test
    void checksUnhealthyWithoutUserVisibleSignalStayDegradedAndThenHealAtOnce() {
        checks(10, "cart", HealthState.HEALTHY, 1);
        checks(30, "cart", HealthState.DEGRADED, 3);
        checks(130, "cart", HealthState.CRITICAL, 0);

        assertThat(changes).extracting(AssessedHealthChanged::to)
                .containsExactly(HealthState.DEGRADED, HealthState.HEALTHY);
        assertThat(health.state(shop.indexOf("cart"))).isEqualTo(HealthState.HEALTHY);
    }

    @Test
    void failingChecksConfirmWhatDetectionSeesWithoutRaisingIt() {
        detection(5, "payments", HealthState.HEALTHY, HealthState.DEGRADED);
        checks(10, "payments", HealthState.HEALTHY, 3);

        HealthAssessment assessment = health.assessment(shop.indexOf("payments"));
        assertThat(assessment.state()).isEqualTo(HealthState.DEGRADED);
        assertThat(assessment.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(assessment.source()).isEqualTo(HealthSource.BOTH);
        assertThat(assessment.reason()).isEqualTo("detection: error rate; checks: 3 shallow failures: unhealthy"
                + " (critical), remediation may act");
        assertThat(changes).extracting(AssessedHealthChanged::to).containsExactly(HealthState.DEGRADED);
    }

    @Test
    void detectionRecoveringWhileChecksStillFailLeavesTheComponentDegradedAtLowSeverity() {
        detection(5, "payments", HealthState.HEALTHY, HealthState.CRITICAL);
        checks(10, "payments", HealthState.HEALTHY, 1);
        detection(60, "payments", HealthState.CRITICAL, HealthState.RECOVERING);

        HealthAssessment assessment = health.assessment(shop.indexOf("payments"));
        assertThat(assessment.state()).isEqualTo(HealthState.DEGRADED);
        assertThat(assessment.severity()).isEqualTo(Severity.LOW);
        assertThat(changes).extracting(AssessedHealthChanged::to)
                .containsExactly(HealthState.CRITICAL, HealthState.DEGRADED);
    }

    @Test
    void detectionAloneIsPassedOnAsItIs() {
        detection(5, "orders", HealthState.HEALTHY, HealthState.FAILED);
        detection(65, "orders", HealthState.FAILED, HealthState.RECOVERING);

        assertThat(changes).extracting(AssessedHealthChanged::to)
                .containsExactly(HealthState.FAILED, HealthState.RECOVERING);
        assertThat(health.snapshot()[shop.indexOf("orders")]).isEqualTo(HealthState.RECOVERING);
        assertThat(health.assessment(shop.indexOf("orders")).source()).isEqualTo(HealthSource.DETECTION);
    }

    @Test
    void changesOfComponentsOutsideTheTopologyAreIgnored() {
        checks(10, "not-in-shop", HealthState.HEALTHY, 3);

        assertThat(changes).isEmpty();
    }

    @Test
    void assessedHealthNeverMovesFromHealthyToRecovering() {
        StateMachine<HealthState> machine = new StateMachine<>(ComponentHealth.TRANSITIONS, HealthState.HEALTHY);

        assertThatThrownBy(() -> machine.moveTo(HealthState.RECOVERING))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("from HEALTHY to RECOVERING");
    }

    @Test
    void closedServiceStopsListening() {
        health.close();

        checks(10, "cart", HealthState.HEALTHY, 1);

        assertThat(changes).isEmpty();
        assertThat(health.state(shop.indexOf("cart"))).isEqualTo(HealthState.HEALTHY);
    }
}
