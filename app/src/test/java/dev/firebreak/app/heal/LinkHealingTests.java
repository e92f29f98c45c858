package dev.firebreak.app.heal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebreak.engine.action.ActionApplied;
import dev.firebreak.engine.fault.FaultType;
import dev.firebreak.engine.heal.Gate;
import dev.firebreak.engine.heal.HealingAction;
import dev.firebreak.engine.heal.HealingConfig;
import dev.firebreak.engine.heal.HealingDecision;
import dev.firebreak.engine.heal.HealingMode;
import dev.firebreak.engine.heal.HealingState;
import dev.firebreak.engine.health.HealthState;
import dev.firebreak.engine.incident.TimelineKind;
import dev.firebreak.engine.rca.Cause;
import dev.firebreak.engine.runbook.ExecutionState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A cut link on the real engine: root cause names the link, and the caller's circuit breaker contains it where the caller
 * can do without the call; where it cannot, the playbook's pre-check refuses before anything runs and a person is called.
 */
class LinkHealingTests {

    private static final HealingConfig AUTO = HealingConfig.defaults().withDefaultMode(HealingMode.AUTOMATIC);
    private static final Duration FAULT_AT = Duration.ofMinutes(5);
    private static final Duration LASTING = Duration.ofMinutes(20);

    /** Cuts the link between caller and callee at {@code FAULT_AT} for {@code lasting}; runs until {@code after} it. */
    private static void cutAndRun(HealingRig rig, String caller, String callee, Duration lasting, Duration after) {
        rig.inject(FaultType.NETWORK_PARTITION, caller, callee, FAULT_AT, lasting);
        rig.run(FAULT_AT.plus(after));
    }

    @Test
    void aCutLinkToACallTheCallerDoesWithoutIsContainedByItsBreakerWhileTheLinkStaysCut() {
        try (HealingRig rig = new HealingRig(5, AUTO)) {
            // notifications sends mail through email-provider, and queues what it cannot send
            cutAndRun(rig, "notifications", "email-provider", LASTING, Duration.ofMinutes(5));

            HealingAction breaker = rig.engine.healing().actions().stream()
                    .filter(a -> a.playbookId().equals("heal-circuit-break-dependency")).findFirst().orElseThrow();
            assertThat(breaker.decision().faultKind()).isEqualTo(Cause.LINK_KIND);
            assertThat(breaker.decision().parameters()).containsEntry("caller", "notifications")
                    .containsEntry("callRequired", "false");
            assertThat(breaker.state()).isEqualTo(HealingState.SUCCEEDED);
            int notifications = rig.engine.topology().indexOf("notifications");
            assertThat(rig.engine.simulator().health(notifications)).isEqualTo(HealthState.HEALTHY);
        }
    }

    @Test
    void aPersonClosesTheBreakerOnceTheLinkIsBackInTheirNameAndOnlyOnce() {
        try (HealingRig rig = new HealingRig(5, AUTO)) {
            List<ActionApplied> applied = new ArrayList<>();
            rig.engine.events().subscribe(ActionApplied.class, applied::add);
            cutAndRun(rig, "notifications", "email-provider", Duration.ofMinutes(5), Duration.ofMinutes(7));
            HealingAction breaker = rig.engine.healing().actions().stream()
                    .filter(a -> a.playbookId().equals("heal-circuit-break-dependency")
                            && a.state() == HealingState.SUCCEEDED).findFirst().orElseThrow();

            int before = applied.size();
            HealingAction undone = rig.engine.healing().undo(breaker.id(), "ana", "email-provider answers again");
            rig.run(Duration.ofSeconds(2)); // the simulator applies an action at its next step

            assertThat(undone.state()).as("it did what it was for").isEqualTo(HealingState.SUCCEEDED);
            assertThat(undone.note()).contains("undone by ana").contains("email-provider answers again");
            var closing = rig.engine.runbooks().execution(undone.rollbackId().orElseThrow()).orElseThrow();
            assertThat(closing.startedBy()).isEqualTo("ana");
            assertThat(closing.state()).isEqualTo(ExecutionState.SUCCEEDED);
            assertThat(applied.subList(before, applied.size())).extracting(a -> a.action().describe())
                    .containsExactly("close the circuit breaker notifications -> email-provider");
            assertThat(rig.engine.incidents().timeline(breaker.decision().incidentId().orElseThrow()))
                    .anyMatch(e -> e.text().contains("undone by ana"));
            assertThatThrownBy(() -> rig.engine.healing().undo(breaker.id(), "ana", "again"))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("undone already");
        }
    }

    @Test
    void aCutLinkToACallTheCallerNeedsIsRefusedAtThePreCheckWithNothingRunAndAPersonCalled() {
        try (HealingRig rig = new HealingRig(5, AUTO)) {
            // checkout cannot take an order without inventory
            cutAndRun(rig, "checkout", "inventory", LASTING, Duration.ofMinutes(5));

            HealingDecision refused = rig.engine.healing().decisions().stream()
                    .filter(d -> d.playbookId().equals(Optional.of("heal-circuit-break-dependency"))).findFirst()
                    .orElseThrow();
            assertThat(refused.faultKind()).isEqualTo(Cause.LINK_KIND);
            assertThat(refused.refusedBy().orElseThrow().gate()).isEqualTo(Gate.PRE_CHECK);
            assertThat(refused.refusedBy().orElseThrow().why()).contains("callRequired");
            assertThat(rig.engine.healing().actions()).noneMatch(a -> a.playbookId().equals("heal-circuit-break-dependency"));
            assertThat(rig.engine.incidents().timeline(refused.incidentId().orElseThrow()))
                    .anyMatch(e -> e.kind() == TimelineKind.ESCALATION && e.text().contains("pre-checks"));
        }
    }
}
