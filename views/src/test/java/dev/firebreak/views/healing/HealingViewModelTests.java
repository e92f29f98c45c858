package dev.firebreak.views.healing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.firebreak.engine.heal.GateVerdict;
import dev.firebreak.engine.heal.Gate;
import dev.firebreak.engine.heal.HealingAction;
import dev.firebreak.engine.heal.HealingDecision;
import dev.firebreak.engine.heal.HealingGates;
import dev.firebreak.engine.heal.HealingMode;
import dev.firebreak.engine.heal.HealingState;
import dev.firebreak.engine.heal.Playbook;
import dev.firebreak.engine.heal.PlaybookLoader;
import dev.firebreak.engine.heal.Strategy;
import dev.firebreak.engine.heal.Verdict;
import dev.firebreak.engine.heal.VerificationOutcome;
import dev.firebreak.views.task.CurrentThreadTaskExecutor;
import dev.firebreak.views.testing.ScriptedSession;
import dev.firebreak.views.testing.Topologies;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The healing overview's model without the toolkit: scripted decisions and actions. */
class HealingViewModelTests {

    private static final Instant T0 = ScriptedSession.START;
    private final ScriptedSession session = new ScriptedSession(Topologies.shop(), 42);
    private HealingViewModel viewModel;

    private HealingViewModel overview() {
        viewModel = new HealingViewModel(session.healing(), session.events(), session.clock(), () -> "alice",
                new CurrentThreadTaskExecutor());
        return viewModel;
    }

    @AfterEach
    void close() {
        if (viewModel != null) {
            viewModel.close();
        }
    }

    static HealingDecision decision(long id, long incident, Instant at, Verdict verdict) {
        return new HealingDecision(id, Optional.of(incident), at, Strategy.REACTIVE, "catalog", "resource exhaustion: memory",
                0.8, Optional.of("heal-restart-memory-leak"), 0.8, 0.7, OptionalDouble.empty(), Optional.empty(),
                Map.of("service", "catalog"), List.of(GateVerdict.pass(Gate.DIAGNOSIS, "catalog: memory")), verdict,
                verdict == Verdict.SHADOW ? HealingMode.SHADOW : HealingMode.AUTOMATIC);
    }

    static HealingAction action(long id, HealingDecision decision, HealingState state, Instant at) {
        return new HealingAction(id, decision, Optional.of(7L), state,
                state == HealingState.SUCCEEDED ? Optional.of(VerificationOutcome.SUCCESS) : Optional.empty(),
                "note " + id, decision.at(), at, Optional.empty());
    }

    @Test
    void recentActionsListActionsAndShadowDecisionsNewestFirst() {
        HealingDecision acted = decision(1, 1, T0, Verdict.ACT);
        HealingDecision shadow = decision(2, 2, T0.plusSeconds(60), Verdict.SHADOW);
        session.healing().decided(acted).acted(action(1, acted, HealingState.SUCCEEDED, T0.plusSeconds(40))).decided(shadow);

        HealingViewModel overview = overview();

        assertThat(overview.actions()).extracting(HealingViewModel.ActionRow::stateText)
                .containsExactly("◌ would have done", "✔ succeeded");
        assertThat(overview.actions().get(1).verification()).contains(VerificationOutcome.SUCCESS);
        assertThat(overview.actions().get(0).incident()).isEqualTo(dev.firebreak.engine.incident.Incident.key(2));
        assertThat(overview.summaryProperty().get()).isEqualTo("2 decisions, 1 action (1 succeeded), 0 under way");
    }

    @Test
    void anActionAPersonUndidSaysSoWhereTheRecentActionsAreListed() {
        HealingDecision acted = decision(1, 1, T0, Verdict.ACT);
        HealingDecision rolledBack = decision(2, 1, T0.plusSeconds(600), Verdict.ACT);
        session.healing().decided(acted).acted(action(1, acted, HealingState.SUCCEEDED, T0.plusSeconds(40)).withRollback(9))
                .decided(rolledBack).acted(action(2, rolledBack, HealingState.ROLLED_BACK, T0.plusSeconds(640))
                        .withRollback(10));

        HealingViewModel overview = overview();

        assertThat(overview.actions()).extracting(HealingViewModel.ActionRow::stateText)
                .containsExactly(HealingTexts.label(HealingState.ROLLED_BACK), "✔ succeeded · undone");
    }

    @Test
    void playbookRecordsCountFinishedActionsButNotDeniedOnes() throws Exception {
        HealingDecision first = decision(1, 1, T0, Verdict.ACT);
        HealingDecision second = decision(2, 1, T0.plusSeconds(600), Verdict.ACT);
        HealingDecision third = decision(3, 1, T0.plusSeconds(1200), Verdict.AWAIT_APPROVAL);
        List<HealingAction> actions = List.of(action(1, first, HealingState.SUCCEEDED, T0),
                action(2, second, HealingState.ROLLED_BACK, T0), action(3, third, HealingState.DENIED, T0));

        List<HealingViewModel.PlaybookRow> rows = HealingViewModel.records(List.of(playbook("heal-clean-disk"),
                playbook("heal-restart-memory-leak")), actions);

        assertThat(rows).extracting(HealingViewModel.PlaybookRow::id)
                .containsExactly("heal-restart-memory-leak", "heal-clean-disk");
        assertThat(rows.getFirst().record()).isEqualTo("1 of 2 (50 %)");
        assertThat(rows.getFirst().successRate()).hasValue(0.5);
        assertThat(rows.getLast().record()).isEqualTo("no record yet");
    }

    @Test
    void aPlaybookWithSeveralTriggersShowsEachWithTheHealthItWaitsFor() throws Exception {
        List<HealingViewModel.PlaybookRow> rows = HealingViewModel.records(List.of(playbook("heal-failover-database")),
                List.of());

        assertThat(rows.getFirst().triggers())
                .isEqualTo("any, when critical; network: calls to it are lost at its end");
        assertThat(rows.getFirst().strategies()).isEqualTo("reactive, proactive");
    }

    @Test
    void eachPlaybookSaysWhetherItsChangeStaysAndWhetherThePanelCanUndoIt() throws Exception {
        List<HealingViewModel.PlaybookRow> rows = HealingViewModel.records(List.of(playbook("heal-failover-database"),
                playbook("heal-circuit-break-dependency"), playbook("heal-restart-memory-leak")), List.of());

        assertThat(rows).extracting(HealingViewModel.PlaybookRow::id, HealingViewModel.PlaybookRow::change)
                .containsExactly(tuple("heal-circuit-break-dependency", "until undone"),
                        tuple("heal-failover-database", "for good"),
                        tuple("heal-restart-memory-leak", "one-off"));
    }

    private static Playbook playbook(String id) throws Exception {
        String name = "/playbooks/" + id + ".yaml";
        try (var in = HealingViewModelTests.class.getResourceAsStream(name)) {
            return PlaybookLoader.parse(name, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8),
                    Optional.empty());
        }
    }

    @Test
    void modeChangeGoesToTheDeskInTheOperatorsName() {
        HealingViewModel overview = overview();
        assertThat(overview.modeProperty().get()).isEqualTo(HealingMode.SHADOW);

        overview.setMode(HealingMode.APPROVAL);

        assertThat(session.healing().mode()).isEqualTo(HealingMode.APPROVAL);
        assertThat(overview.modeProperty().get()).isEqualTo(HealingMode.APPROVAL);
    }

    @Test
    void switchingProactiveOffGoesToTheDeskAndTheViewShowsWhatTheDeskHolds() {
        HealingViewModel overview = overview();
        assertThat(overview.strategiesProperty().get()).containsExactlyInAnyOrder(Strategy.values());

        overview.setStrategies(java.util.EnumSet.of(Strategy.REACTIVE, Strategy.PREDICTIVE));

        assertThat(session.healing().strategies()).containsExactlyInAnyOrder(Strategy.REACTIVE, Strategy.PREDICTIVE);
        assertThat(overview.strategiesProperty().get()).containsExactlyInAnyOrder(Strategy.REACTIVE, Strategy.PREDICTIVE);
    }

    @Test
    void cooldownsShowWhatIsLeftSoonestFirst() {
        session.healing().withGates(new HealingGates(false, 0, 3, 2, 20, Map.of("catalog", T0.plus(Duration.ofMinutes(4)),
                "cart", T0.plusSeconds(30), "search", T0.minusSeconds(5)), 1, 3, Optional.empty(), Optional.empty()));

        HealingViewModel overview = overview();

        assertThat(overview.cooldowns()).extracting(HealingViewModel.Cooldown::text)
                .containsExactly("cart until 00:00:30 UTC (30 s left)", "catalog until 00:04:00 UTC (4 min 0 s left)");
    }
}
