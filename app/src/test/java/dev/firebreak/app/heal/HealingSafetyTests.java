package dev.firebreak.app.heal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.engine.action.ActionApplied;
import dev.firebreak.engine.fault.FaultType;
import dev.firebreak.engine.heal.BlastRadius;
import dev.firebreak.engine.heal.Gate;
import dev.firebreak.engine.heal.GateVerdict;
import dev.firebreak.engine.heal.HaltStore;
import dev.firebreak.engine.heal.HealingAction;
import dev.firebreak.engine.heal.HealingConfig;
import dev.firebreak.engine.heal.HealingDecision;
import dev.firebreak.engine.heal.HealingMode;
import dev.firebreak.engine.heal.HealingState;
import dev.firebreak.engine.heal.Verdict;
import dev.firebreak.engine.heal.VerificationOutcome;
import dev.firebreak.engine.incident.TimelineEntry;
import dev.firebreak.engine.incident.TimelineKind;
import dev.firebreak.engine.runbook.ExecutionState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Healing on the real engine and simulator: the safety properties issue 15 asks for. */
class HealingSafetyTests {

    private static final HealingConfig AUTO = HealingConfig.defaults().withDefaultMode(HealingMode.AUTOMATIC);

    /** Scales the leaking service down to one replica: the kind of "fix" that makes things worse. */
    private static final String SCALE_DOWN = """
            id: bad-scale-down
            title: Scale the leaking service down (a bad idea)
            parameters:
              - name: service
                type: component
              - name: currentReplicas
                type: integer
            steps:
              - id: scale-down
                type: command
                simulator: {action: scale, target: "{{params.service}}", replicas: "1"}
                rollback:
                  simulator: {action: scale, target: "{{params.service}}", replicas: "{{params.currentReplicas}}"}
            healing:
              category: scale
              trigger: {faultKinds: ["resource exhaustion: memory"], componentKinds: [service]}
              scope: service
            """;

    @Test
    void aFlappingFaultOpensTheHealingBreakerAfterThreeHealsThatDidNotHold() {
        try (HealingRig rig = new HealingRig(42, AUTO)) {
            rig.inject(FaultType.MEMORY_LEAK, "catalog", 5, Duration.ofMinutes(5), Duration.ofMinutes(80));

            rig.run(Duration.ofMinutes(80));

            List<HealingAction> actions = rig.engine.healing().actions();
            assertThat(actions).hasSizeGreaterThanOrEqualTo(3).allMatch(a -> a.playbookId().equals("heal-restart-memory-leak"));
            Optional<HealingDecision> breaker = rig.engine.healing().decisions().stream()
                    .filter(d -> d.refusedBy().map(GateVerdict::gate).orElse(null) == Gate.BREAKER).findFirst();
            assertThat(breaker).as("a decision refused by the breaker").isPresent();
            assertThat(breaker.get().refusedBy().orElseThrow().why()).contains("open: 3 failed heal(s)");
            long actedWhileOpen = actions.stream().filter(a -> a.startedAt().isAfter(breaker.get().at())
                    && a.startedAt().isBefore(breaker.get().at().plus(AUTO.breakerWindow()))).count();
            assertThat(actedWhileOpen).isZero();
            assertThat(rig.engine.healing().gateStatus().breakerOpen()).isTrue();
            long incident = breaker.get().incidentId().orElseThrow();
            assertThat(rig.engine.incidents().timeline(incident)).anyMatch(e -> e.kind() == TimelineKind.ESCALATION
                    && e.text().contains("healing breaker"));
        }
    }

    @Test
    void anActionThatMakesThingsWorseIsVerifiedFailedRolledBackAndEscalated() {
        try (HealingRig rig = new HealingRig(42, AUTO, Optional.of(HealingRig.library(SCALE_DOWN)), HaltStore.inMemory())) {
            rig.inject(FaultType.MEMORY_LEAK, "catalog", 5, Duration.ofMinutes(5), Duration.ofMinutes(30));

            rig.run(Duration.ofMinutes(20));

            HealingAction first = rig.engine.healing().actions().getFirst();
            assertThat(first.playbookId()).isEqualTo("bad-scale-down");
            assertThat(first.verification()).contains(VerificationOutcome.FAILED);
            assertThat(first.state()).isEqualTo(HealingState.ROLLED_BACK);
            assertThat(first.note()).contains("worse than before");
            var undo = rig.engine.runbooks().execution(first.rollbackId().orElseThrow()).orElseThrow();
            assertThat(undo.state()).isEqualTo(ExecutionState.SUCCEEDED);
            assertThat(undo.steps().getFirst().rendered()).contains("scale catalog to 6 replicas");
            List<TimelineEntry> timeline = rig.engine.incidents().timeline(first.decision().incidentId().orElseThrow());
            assertThat(timeline).anyMatch(e -> e.kind() == TimelineKind.ESCALATION && e.text().contains("rolled back"));
        }
    }

    @Test
    void aPlaybookWhoseBlastRadiusExceedsTheAllowedClassIsRefusedAndEscalated() {
        try (HealingRig rig = new HealingRig(42, AUTO.withAllowedRadius(BlastRadius.SINGLE_SERVICE))) {
            rig.inject(FaultType.INSTANCE_KILL, "postgres-primary", 1, Duration.ofMinutes(5), Duration.ofMinutes(10));

            rig.run(Duration.ofMinutes(8));

            HealingDecision refused = rig.engine.healing().decisions().stream()
                    .filter(d -> d.playbookId().equals(Optional.of("heal-failover-database"))).findFirst().orElseThrow();
            assertThat(refused.verdict()).isEqualTo(Verdict.REFUSED);
            assertThat(refused.refusedBy().orElseThrow().gate()).isEqualTo(Gate.BLAST_RADIUS);
            assertThat(rig.engine.healing().actions()).isEmpty();
            assertThat(rig.engine.incidents().timeline(refused.incidentId().orElseThrow()))
                    .anyMatch(e -> e.kind() == TimelineKind.ESCALATION && e.text().contains("blast radius"));
        }
    }

    @Test
    void aKilledPrimaryIsFailedOverAndVerifiedWithinAMinuteOfTheKill() {
        try (HealingRig rig = new HealingRig(42, AUTO)) {
            Duration at = Duration.ofMinutes(5);
            rig.inject(FaultType.INSTANCE_KILL, "postgres-primary", 1, at, Duration.ofMinutes(10));

            rig.run(Duration.ofMinutes(8));

            HealingAction failover = rig.engine.healing().actions().stream()
                    .filter(a -> a.playbookId().equals("heal-failover-database")).findFirst().orElseThrow();
            assertThat(failover.verification()).contains(VerificationOutcome.SUCCESS);
            // the callers' deep checks are run again once the failover ran, not a minute later on their schedule
            assertThat(Duration.between(HealingRig.START.plus(at), failover.updatedAt())).isLessThanOrEqualTo(
                    Duration.ofSeconds(60));
        }
    }

    @Test
    void aDatabaseWithoutAReplicaIsNotFailedOver() {
        try (HealingRig rig = new HealingRig(42, AUTO)) {
            rig.inject(FaultType.INSTANCE_KILL, "postgres-replica", 1, Duration.ofMinutes(5), Duration.ofMinutes(10));

            rig.run(Duration.ofMinutes(8));

            HealingDecision refused = rig.engine.healing().decisions().stream()
                    .filter(d -> d.playbookId().equals(Optional.of("heal-failover-database"))).findFirst().orElseThrow();
            assertThat(refused.verdict()).isEqualTo(Verdict.REFUSED);
            assertThat(refused.gates()).anyMatch(g -> g.gate() == Gate.PRE_CHECK && !g.passed()
                    && g.why().contains("'replica'") && g.why().contains("postgres-replica"));
            assertThat(rig.engine.healing().actions()).isEmpty();
        }
    }

    @Test
    void shadowModeDecidesExactlyWhatAutomaticDoesAndChangesNothing() {
        HealingDecision automatic;
        try (HealingRig rig = new HealingRig(42, AUTO)) {
            rig.inject(FaultType.MEMORY_LEAK, "catalog", 5, Duration.ofMinutes(5), Duration.ofMinutes(30));
            rig.run(Duration.ofMinutes(9));
            automatic = rig.engine.healing().decisions().stream().filter(d -> d.verdict() != Verdict.REFUSED)
                    .findFirst().orElseThrow();
            assertThat(automatic.verdict()).isEqualTo(Verdict.ACT);
        }
        try (HealingRig rig = new HealingRig(42, HealingConfig.defaults())) {
            List<ActionApplied> applied = new ArrayList<>();
            rig.engine.events().subscribe(ActionApplied.class, applied::add);
            rig.inject(FaultType.MEMORY_LEAK, "catalog", 5, Duration.ofMinutes(5), Duration.ofMinutes(30));
            rig.run(Duration.ofMinutes(9));

            HealingDecision shadow = rig.engine.healing().decisions().stream().filter(d -> d.verdict() != Verdict.REFUSED)
                    .findFirst().orElseThrow();
            assertThat(shadow.verdict()).isEqualTo(Verdict.SHADOW);
            assertThat(shadow.at()).isEqualTo(automatic.at());
            assertThat(shadow.component()).isEqualTo(automatic.component());
            assertThat(shadow.playbookId()).isEqualTo(automatic.playbookId());
            assertThat(shadow.parameters()).isEqualTo(automatic.parameters());
            assertThat(shadow.gates()).extracting(GateVerdict::gate, GateVerdict::passed)
                    .isEqualTo(automatic.gates().stream().map(g -> org.assertj.core.groups.Tuple.tuple(g.gate(), g.passed()))
                            .toList());
            assertThat(rig.engine.healing().actions()).isEmpty();
            assertThat(rig.engine.runbooks().executions()).isEmpty();
            assertThat(applied).isEmpty();
            assertThat(rig.engine.incidents().timeline(shadow.incidentId().orElseThrow()))
                    .anyMatch(e -> e.text().contains("healing (shadow): would have run playbook heal-restart-memory-leak"));
        }
    }

    /** Scales out first (undone by scaling back), then restarts: HALT between the two must undo the first. */
    private static final String SCALE_THEN_RESTART = """
            id: scale-then-restart
            title: Scale out, then restart
            parameters:
              - name: service
                type: component
              - name: replicas
                type: integer
              - name: currentReplicas
                type: integer
            steps:
              - id: scale-out
                type: command
                simulator: {action: scale, target: "{{params.service}}", replicas: "{{params.replicas}}"}
                rollback:
                  simulator: {action: scale, target: "{{params.service}}", replicas: "{{params.currentReplicas}}"}
              - id: restart
                type: command
                simulator: {action: restart, target: "{{params.service}}"}
            healing:
              category: restart
              trigger: {faultKinds: ["resource exhaustion: memory"], componentKinds: [service], strategies: [reactive, proactive]}
              scope: service
            """;

    @Test
    void haltDuringAHealingActionUndoesWhatRanStopsItAndRefusesWhatComesNext() {
        HealingConfig approval = HealingConfig.defaults().withDefaultMode(HealingMode.APPROVAL);
        try (HealingRig rig = new HealingRig(42, approval, Optional.of(HealingRig.library(SCALE_THEN_RESTART)),
                HaltStore.inMemory())) {
            List<ActionApplied> applied = new ArrayList<>();
            rig.engine.events().subscribe(ActionApplied.class, applied::add);
            rig.inject(FaultType.MEMORY_LEAK, "catalog", 5, Duration.ofMinutes(5), Duration.ofMinutes(30));
            rig.run(Duration.ofMinutes(9));
            HealingAction waiting = rig.engine.healing().actions().getFirst();
            assertThat(waiting.state()).isEqualTo(HealingState.AWAITING_APPROVAL);
            long run = waiting.executionId().orElseThrow();
            var execution = rig.engine.runbooks().execution(run).orElseThrow();
            rig.engine.runbooks().approve(run, "scale-out", "bob", execution.step("scale-out").hash(), "");
            rig.settle();
            rig.run(Duration.ofSeconds(2));
            assertThat(rig.engine.runbooks().execution(run).orElseThrow().step("restart").state())
                    .isEqualTo(dev.firebreak.engine.runbook.StepState.WAITING_FOR_APPROVAL);

            rig.engine.halt().press("ana", "the game day went wrong");
            HealingRig.until(() -> rig.engine.runbooks().execution(run).orElseThrow().state().isFinal());
            rig.run(Duration.ofSeconds(5));

            var stopped = rig.engine.runbooks().execution(run).orElseThrow();
            assertThat(stopped.state()).isEqualTo(ExecutionState.ROLLED_BACK);
            assertThat(stopped.message()).contains("HALT: the game day went wrong");
            assertThat(applied).extracting(a -> a.action().describe())
                    .containsExactly("scale catalog to 12 replicas", "scale catalog to 6 replicas");
            assertThat(rig.engine.healing().action(waiting.id()).orElseThrow().state()).isEqualTo(HealingState.HALTED);

            rig.run(Duration.ofMinutes(11)); // past the cooldown, healing decides again on the leak still there
            assertThat(rig.engine.healing().decisions().getLast().refusedBy().map(GateVerdict::gate)).contains(Gate.HALT);
            assertThat(rig.engine.healing().actions()).hasSize(1);
        }
    }

    @Test
    void anOpenChangeFreezeKeepsHealingFromActingAndSaysWhy() {
        var freeze = dev.firebreak.app.cli.ChangeFreezeSpec.parse("at=0s,for=2h,reason=black friday")
                .from(HealingRig.START);
        try (HealingRig rig = new HealingRig(42, AUTO.withFreeze(freeze))) {
            rig.inject(FaultType.MEMORY_LEAK, "catalog", 5, Duration.ofMinutes(5), Duration.ofMinutes(30));

            rig.run(Duration.ofMinutes(10));

            HealingDecision refused = rig.engine.healing().decisions().stream()
                    .filter(d -> d.playbookId().isPresent()).findFirst().orElseThrow();
            assertThat(refused.refusedBy().orElseThrow().gate()).isEqualTo(Gate.CHANGE_FREEZE);
            assertThat(rig.engine.healing().actions()).isEmpty();
            assertThat(rig.engine.incidents().timeline(refused.incidentId().orElseThrow()))
                    .anyMatch(e -> e.text().contains("change freeze: frozen until") && e.text().contains("black friday"));
        }
    }

    @Test
    void aFaultFreeStretchTakesNoAction() {
        try (HealingRig rig = new HealingRig(7, AUTO)) {
            rig.run(Duration.ofHours(4));

            assertThat(rig.engine.healing().actions()).isEmpty();
            assertThat(rig.engine.healing().decisions()).noneMatch(d -> d.verdict() == Verdict.ACT);
        }
    }
}
