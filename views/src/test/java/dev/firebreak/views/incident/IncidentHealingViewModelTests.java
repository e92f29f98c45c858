package dev.firebreak.views.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.engine.heal.Gate;
import dev.firebreak.engine.heal.GateVerdict;
import dev.firebreak.engine.heal.HealingAction;
import dev.firebreak.engine.heal.HealingDecision;
import dev.firebreak.engine.heal.HealingMode;
import dev.firebreak.engine.heal.HealingState;
import dev.firebreak.engine.heal.Strategy;
import dev.firebreak.engine.heal.Verdict;
import dev.firebreak.engine.heal.VerificationOutcome;
import dev.firebreak.views.task.CurrentThreadTaskExecutor;
import dev.firebreak.views.testing.ScriptedSession;
import dev.firebreak.views.testing.Topologies;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An incident's healing panel model without the toolkit: scripted decisions and actions. */
class IncidentHealingViewModelTests {

    private static final Instant T0 = ScriptedSession.START;
    private final ScriptedSession session = new ScriptedSession(Topologies.shop(), 42);
    private IncidentHealingViewModel viewModel;

    private IncidentHealingViewModel panel() {
        viewModel = new IncidentHealingViewModel(session, 1, () -> "alice", new CurrentThreadTaskExecutor());
        return viewModel;
    }

    @AfterEach
    void close() {
        if (viewModel != null) {
            viewModel.close();
        }
    }

    private static HealingDecision decision(long id, long incident, Instant at, Verdict verdict) {
        List<GateVerdict> gates = verdict == Verdict.REFUSED
                ? List.of(GateVerdict.pass(Gate.DIAGNOSIS, "catalog: memory"), GateVerdict.fail(Gate.COOLDOWN, "acted 2 min ago"))
                : List.of(GateVerdict.pass(Gate.DIAGNOSIS, "catalog: memory"), GateVerdict.pass(Gate.COOLDOWN, "not acted on"));
        return new HealingDecision(id, Optional.of(incident), at, Strategy.REACTIVE, "catalog", "resource exhaustion: memory",
                0.8, Optional.of("heal-restart-memory-leak"), 0.8, 0.7, OptionalDouble.empty(), Optional.empty(),
                Map.of("service", "catalog"), gates, verdict, verdict == Verdict.SHADOW ? HealingMode.SHADOW : HealingMode.AUTOMATIC);
    }

    private static HealingAction action(long id, HealingDecision decision, HealingState state) {
        return new HealingAction(id, decision, Optional.empty(), state,
                state == HealingState.SUCCEEDED ? Optional.of(VerificationOutcome.SUCCESS) : Optional.empty(), "",
                decision.at(), decision.at().plusSeconds(90), Optional.empty());
    }

    @Test
    void decisionsOfTheIncidentOnlyNewestFirstWithTheNewestShown() {
        HealingDecision first = decision(1, 1, T0, Verdict.ACT);
        session.healing().decided(first).acted(action(1, first, HealingState.SUCCEEDED))
                .decided(decision(2, 2, T0.plusSeconds(30), Verdict.ACT))
                .decided(decision(3, 1, T0.plusSeconds(60), Verdict.REFUSED));

        IncidentHealingViewModel panel = panel();

        assertThat(panel.decisions()).extracting(r -> r.decision().id()).containsExactly(3L, 1L);
        assertThat(panel.selectedProperty().get().decision().id()).isEqualTo(3);
        assertThat(panel.decisions().get(1).action()).hasValueSatisfying(a -> assertThat(a.state())
                .isEqualTo(HealingState.SUCCEEDED));
        assertThat(panel.decisions().get(1).record().attempts()).isEqualTo(1);
        assertThat(panel.headlineProperty().get()).isEqualTo("Healing: decided not to act");
    }

    @Test
    void anOlderDecisionPickedStaysShownWhenANewOneArrives() {
        session.healing().decided(decision(1, 1, T0, Verdict.REFUSED)).decided(decision(2, 1, T0.plusSeconds(30), Verdict.REFUSED));
        IncidentHealingViewModel panel = panel();
        panel.selectedProperty().set(panel.decisions().get(1));

        session.healing().decided(decision(3, 1, T0.plusSeconds(60), Verdict.SHADOW));
        panel.refresh();

        assertThat(panel.decisions()).hasSize(3);
        assertThat(panel.selectedProperty().get().decision().id()).isEqualTo(1);
    }

    @Test
    void shadowDecisionIsMarkedAndHasNoAction() {
        session.healing().decided(decision(1, 1, T0, Verdict.SHADOW));

        IncidentHealingViewModel panel = panel();

        assertThat(panel.decisions().getFirst().shadow()).isTrue();
        assertThat(panel.decisions().getFirst().action()).isEmpty();
        assertThat(panel.headlineProperty().get()).isEqualTo("Healing: would have done");
        assertThat(panel.modeTextProperty().get()).isEqualTo("Mode shadow in simulator");
    }

    @Test
    void approveAndDenyAreRefusedWhenNothingWaits() {
        HealingDecision acted = decision(1, 1, T0, Verdict.ACT);
        session.healing().decided(acted).acted(action(1, acted, HealingState.EXECUTING));
        IncidentHealingViewModel panel = panel();

        panel.approve(panel.decisions().getFirst(), "");
        assertThat(panel.messageProperty().get()).isEqualTo("Nothing of this decision waits for approval now.");

        panel.deny(panel.decisions().getFirst(), "no");
        assertThat(panel.messageProperty().get()).isEqualTo("Nothing of this decision waits for approval now.");
    }

    private static dev.firebreak.engine.heal.Playbook playbook(String id) throws Exception {
        String name = "/playbooks/" + id + ".yaml";
        try (var in = IncidentHealingViewModelTests.class.getResourceAsStream(name)) {
            return dev.firebreak.engine.heal.PlaybookLoader.parse(name, new String(in.readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8), Optional.empty());
        }
    }

    private static HealingDecision breakerDecision() {
        return new HealingDecision(1, Optional.of(1L), T0, Strategy.PROACTIVE, "email-provider",
                "link failing: only one caller's calls to it fail", 0.97, Optional.of("heal-circuit-break-dependency"), 0.97,
                0.8, OptionalDouble.empty(), Optional.empty(), Map.of("caller", "notifications", "service", "email-provider"),
                List.of(GateVerdict.pass(Gate.DIAGNOSIS, "email-provider: link")), Verdict.ACT, HealingMode.AUTOMATIC);
    }

    @Test
    void aVerifiedBreakerIsUndoneWithTheReasonInTheOperatorsNameOnce() throws Exception {
        HealingDecision breaker = breakerDecision();
        session.healing().withPlaybook(playbook("heal-circuit-break-dependency")).decided(breaker)
                .acted(action(1, breaker, HealingState.SUCCEEDED));
        IncidentHealingViewModel panel = panel();
        assertThat(panel.decisions().getFirst().undoable()).isTrue();

        panel.undo(panel.decisions().getFirst(), " email-provider answers again ");
        panel.refresh();

        HealingAction undone = session.healing().actions().getFirst();
        assertThat(undone.rollbackId()).isPresent();
        assertThat(undone.note()).contains("undone by alice: email-provider answers again");
        assertThat(panel.decisions().getFirst().undoable()).as("undone once").isFalse();
    }

    @Test
    void undoIsOfferedOnlyForAVerifiedActionWhosePlaybookHasSomethingToUndo() throws Exception {
        HealingDecision breaker = breakerDecision();
        HealingDecision restart = decision(2, 1, T0.plusSeconds(60), Verdict.ACT);
        session.healing().withPlaybook(playbook("heal-circuit-break-dependency"))
                .withPlaybook(playbook("heal-restart-memory-leak"))
                .decided(breaker).acted(action(1, breaker, HealingState.VERIFYING))
                .decided(restart).acted(action(2, restart, HealingState.SUCCEEDED));
        IncidentHealingViewModel panel = panel();

        assertThat(panel.decisions()).noneMatch(IncidentHealingViewModel.DecisionRow::undoable);
        panel.undo(panel.decisions().getFirst(), "why not");
        assertThat(panel.messageProperty().get()).contains("Only a verified healing action with steps to undo");
        assertThat(session.healing().actions()).allMatch(a -> a.rollbackId().isEmpty());
    }

    @Test
    void denyNeedsAReason() {
        HealingDecision waiting = decision(1, 1, T0, Verdict.AWAIT_APPROVAL);
        session.healing().decided(waiting).acted(action(1, waiting, HealingState.AWAITING_APPROVAL));
        IncidentHealingViewModel panel = panel();

        panel.deny(panel.decisions().getFirst(), " ");

        assertThat(panel.messageProperty().get()).contains("needs a reason");
        assertThat(panel.decisions().getFirst().awaitingApproval()).isTrue();
    }
}
