package dev.firebreak.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.app.testing.SteppedSession;
import dev.firebreak.engine.fault.FaultSpec;
import dev.firebreak.engine.fault.FaultType;
import dev.firebreak.engine.heal.GateVerdict;
import dev.firebreak.engine.heal.HealingAction;
import dev.firebreak.engine.heal.HealingMode;
import dev.firebreak.engine.heal.HealingState;
import dev.firebreak.engine.heal.Strategy;
import dev.firebreak.engine.heal.Verdict;
import dev.firebreak.engine.heal.VerificationOutcome;
import dev.firebreak.engine.incident.Incident;
import dev.firebreak.views.fx.Screenshots;
import dev.firebreak.views.healing.HealingView;
import dev.firebreak.views.incident.IncidentHealingViewModel;
import dev.firebreak.views.incident.IncidentView;
import dev.firebreak.views.shell.ConsoleViewModel;
import dev.firebreak.views.shell.Theme;
import dev.firebreak.views.testing.ShownConsole;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.controlsfx.control.CheckComboBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Healing on the real engine, shown: a memory leak on catalog opens an incident, root-cause analysis names it, and
 * healing decides by the mode picked on the healing screen. Automatic mode restarts the instance and verifies it; in
 * approval mode the person approves the run's step from the incident's healing panel; shadow mode only records what it
 * would have done; HALT latched from the toolbar shows its banner on every screen until released.
 */
@ExtendWith(ApplicationExtension.class)
class HealingScreenTests {

    private static final String SHOP = "Shop (25 components)";
    private static final String PLAYBOOK = "heal-restart-memory-leak";
    private ShownConsole<SteppedSession> console;

    @Start
    void start(Stage stage) {
        console = ShownConsole.shop(stage, SHOP, (topology, seed, speed) -> SteppedSession.start(topology, seed, speed,
                HealingMode.SHADOW));
    }

    @Test
    void memoryLeakInAutoModeIsHealedAndVerifiedWithEveryGateShownPassed(FxRobot robot) {
        pickMode(robot, HealingMode.AUTOMATIC);
        leakOnCatalog();

        HealingAction action = advanceUntil(a -> a.state() == HealingState.SUCCEEDED, 420);
        assertThat(action.verification()).contains(VerificationOutcome.SUCCESS);
        IncidentHealingViewModel.DecisionRow row = openHealingPanel(robot);

        assertThat(row.decision().verdict()).isEqualTo(Verdict.ACT);
        assertThat(row.decision().playbookId()).contains(PLAYBOOK);
        assertThat(row.decision().gates()).isNotEmpty().allMatch(GateVerdict::passed);
        assertThat(row.action()).hasValueSatisfying(a -> assertThat(a.state()).isEqualTo(HealingState.SUCCEEDED));
        assertThat(text(robot, "#healing-chain-title")).isEqualTo("Decision chain: every gate passed");
        assertThat(robot.lookup("#healing-gates .check-pass").queryAll()).hasSize(row.decision().gates().size());
        assertThat(robot.lookup("#healing-gates .check-fail").queryAll()).isEmpty();
        assertThat(text(robot, "#healing-playbook")).contains(PLAYBOOK);
        assertThat(text(robot, "#healing-action-state")).endsWith("✔ succeeded");
        assertThat(text(robot, "#healing-verification")).isEqualTo("verification success");
        console.shoot(robot, "healing-incident-auto");
        robot.interact(() -> console.viewModel().themeProperty().set(Theme.DARK));
        console.shoot(robot, "healing-incident-auto-dark");
        robot.interact(() -> console.viewModel().themeProperty().set(Theme.LIGHT));

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT7).release(KeyCode.DIGIT7, KeyCode.CONTROL);
        console.settle(robot);
        HealingView overview = console.view().healingView();
        assertThat(overview.viewModel().actions()).first().satisfies(r -> {
            assertThat(r.playbook()).isEqualTo(PLAYBOOK);
            assertThat(r.stateText()).isEqualTo("✔ succeeded");
        });
        assertThat(overview.viewModel().playbooks()).filteredOn(p -> p.id().equals(PLAYBOOK)).singleElement()
                .satisfies(p -> assertThat(p.record()).isEqualTo("1 of 1 (100 %)"));
        assertThat(overview.tiles().summary()).contains("Actions this hour: 1 / ").contains("Healing breaker: closed");
        assertThat(overview.viewModel().cooldowns()).extracting(c -> c.component()).containsExactly("catalog");
        // a playbook's triggers, cut short in their column, are read whole on hover
        assertThat(robot.lookup("#healing-playbooks .table-cell").queryAllAs(TableCell.class))
                .filteredOn(cell -> cell.getTooltip() != null)
                .extracting(cell -> cell.getTooltip().getText())
                .contains("any, when critical; network: calls to it are lost at its end");
        assertThat(robot.lookup("#healing-playbooks .table-cell").queryAllAs(TableCell.class))
                .extracting(TableCell::getText).contains("for good", "until undone", "one-off");
        console.shoot(robot, "healing-overview");
        robot.interact(() -> console.viewModel().themeProperty().set(Theme.DARK));
        console.shoot(robot, "healing-overview-dark");
        robot.interact(() -> console.viewModel().themeProperty().set(Theme.LIGHT));
    }

    @Test
    void approvalModeWaitsForThePersonWhoApprovesTheRunsStepFromThePanel(FxRobot robot) {
        pickMode(robot, HealingMode.APPROVAL);
        leakOnCatalog();

        advanceUntil(a -> a.state() == HealingState.AWAITING_APPROVAL && waitsForApproval(a), 420);
        IncidentHealingViewModel.DecisionRow row = openHealingPanel(robot);
        assertThat(row.decision().verdict()).isEqualTo(Verdict.AWAIT_APPROVAL);
        assertThat(text(robot, "#healing-action-state")).endsWith("awaiting approval");
        assertThat(text(robot, "#healing-pending-step")).contains("Restart an instance (simulator)");
        assertThat(robot.lookup("#healing-approve").queryButton().isDisabled()).isFalse();
        assertThat(robot.lookup("#healing-deny").queryButton().isDisabled()).isFalse();
        console.shoot(robot, "healing-incident-approval");

        int approvals = 0;
        for (int second = 0; second < 60 && approvals < 10; second++) {
            HealingAction now = action().orElseThrow();
            if (now.state() == HealingState.AWAITING_APPROVAL && waitsForApproval(now)) {
                console.settle(robot);
                robot.clickOn("#healing-approve");
                console.settle(robot);
                approvals++;
            }
            console.session().advance(1);
        }
        assertThat(approvals).isPositive();
        assertThat(console.session().runbooks().execution(action().orElseThrow().executionId().orElseThrow()).orElseThrow()
                .steps()).anySatisfy(step -> assertThat(step.approvals()).anySatisfy(a -> assertThat(a.person()).isEqualTo("alice")));

        HealingAction verified = advanceUntil(a -> a.state().isFinal(), 420);
        assertThat(verified.state()).isEqualTo(HealingState.SUCCEEDED);
        assertThat(verified.verification()).contains(VerificationOutcome.SUCCESS);
        console.settle(robot);
        assertThat(text(robot, "#healing-action-state")).endsWith("✔ succeeded");
        assertThat(text(robot, "#healing-verification")).isEqualTo("verification success");
        console.shoot(robot, "healing-incident-approved");
    }

    @Test
    void shadowModeRecordsWhatItWouldHaveRunAndRunsNothing(FxRobot robot) {
        pickMode(robot, HealingMode.SHADOW);
        leakOnCatalog();

        for (int second = 0; second < 420 && console.session().healing().decisions().isEmpty(); second++) {
            console.session().advance(1);
        }
        console.session().advance(30);
        IncidentHealingViewModel.DecisionRow row = openHealingPanel(robot);

        assertThat(row.decision().verdict()).isEqualTo(Verdict.SHADOW);
        assertThat(row.shadow()).isTrue();
        assertThat(console.session().healing().actions()).isEmpty();
        assertThat(text(robot, "#healing-decision-summary")).contains("would have run playbook " + PLAYBOOK);
        assertThat(text(robot, "#healing-shadow-chip")).isEqualTo("would have done");
        assertThat(text(robot, "#healing-no-action")).startsWith("Shadow mode: nothing ran.");
        assertThat(console.view().incidentsView().incidentView().viewModel().healing().headlineProperty().get())
                .isEqualTo("Healing: would have done");
        console.shoot(robot, "healing-incident-shadow");
    }

    @Test
    void haltFromTheToolbarShowsItsBannerOnEveryScreenUntilReleased(FxRobot robot) {
        // a game day's fault acting when HALT is pressed: HALT ends it and no new one can be injected
        console.session().faultControl().faults().inject(new FaultSpec(FaultType.LATENCY, "catalog", Optional.empty(), 300,
                console.session().clock().instant(), Duration.ofMinutes(30)));
        console.session().advance(5);
        assertThat(console.session().faultControl().faults().faults()).hasSize(1);
        robot.clickOn("#halt");
        console.settle(robot);
        Button confirm = robot.lookup("#reason-confirm").queryButton();
        assertThat(confirm.isDisabled()).as("no reason yet").isTrue();
        robot.clickOn("#reason-field").write("game day: stop every automated action");
        assertThat(confirm.isDisabled()).isFalse();
        robot.interact(() -> Screenshots.write(confirm.getScene(), "healing-halt-dialog"));
        robot.clickOn(confirm);
        console.settle(robot);

        assertThat(console.session().healing().halt()).hasValueSatisfying(h -> assertThat(h.person()).isEqualTo("alice"));
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT5).release(KeyCode.DIGIT5, KeyCode.CONTROL);
        console.settle(robot);
        assertThat(console.viewModel().screenProperty().get()).isEqualTo(ConsoleViewModel.Screen.INCIDENTS);
        assertThat(robot.lookup("#halt-banner").queryAs(Node.class).isVisible()).isTrue();
        assertThat(text(robot, "#halt-banner-text")).matches("HALT latched by alice at \\d\\d:\\d\\d:\\d\\d UTC: game day: stop"
                + " every automated action — healing, runbook runs and chaos are stopped");
        assertThat(robot.lookup("#halt").queryButton().isDisabled()).as("latched already").isTrue();
        assertThat(console.session().faultControl().faults().faults()).as("HALT ended the injected fault").isEmpty();
        assertThat(robot.lookup("#inject-fault").queryButton().isDisabled()).isTrue();
        robot.press(KeyCode.CONTROL, KeyCode.I).release(KeyCode.I, KeyCode.CONTROL);
        console.settle(robot);
        assertThat(robot.lookup("#fault-dialog").tryQuery()).as("Ctrl+I opens no fault dialog while latched").isEmpty();
        assertThat(text(robot, "#console-message")).contains("HALT is latched");
        console.shoot(robot, "healing-halt-incidents");

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT7).release(KeyCode.DIGIT7, KeyCode.CONTROL);
        console.settle(robot);
        assertThat(robot.lookup("#halt-banner").queryAs(Node.class).isVisible()).isTrue();
        assertThat(text(robot, "#gate-halt-value")).isEqualTo("LATCHED");
        console.shoot(robot, "healing-halt-overview");

        robot.clickOn("#halt-release");
        console.settle(robot);
        robot.clickOn("#reason-field").write("game day over");
        robot.clickOn("#reason-confirm");
        console.settle(robot);

        assertThat(console.session().healing().halt()).isEmpty();
        assertThat(robot.lookup("#inject-fault").queryButton().isDisabled()).as("faults may be injected again").isFalse();
        assertThat(robot.lookup("#halt-banner").queryAs(Node.class).isVisible()).isFalse();
        assertThat(text(robot, "#gate-halt-value")).isEqualTo("released");

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.H).release(KeyCode.H, KeyCode.SHIFT, KeyCode.CONTROL);
        console.settle(robot);
        assertThat(robot.lookup("#halt-dialog").tryQuery()).as("Ctrl+Shift+H asks why").isPresent();
        robot.interact(() -> robot.listTargetWindows().stream().filter(w -> w != console.stage()).forEach(Window::hide));
        console.settle(robot);
        assertThat(console.session().healing().halt()).isEmpty();
    }

    @Test
    void proactiveHealingSwitchedOffOnTheHealingScreenReachesTheEngine(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT7).release(KeyCode.DIGIT7, KeyCode.CONTROL);
        console.settle(robot);
        @SuppressWarnings("unchecked")
        CheckComboBox<Strategy> strategies = robot.lookup("#healing-strategies").queryAs(CheckComboBox.class);
        assertThat(strategies.getCheckModel().getCheckedItems()).containsExactlyInAnyOrder(Strategy.values());

        robot.interact(() -> strategies.getCheckModel().clearCheck(Strategy.PROACTIVE));
        console.settle(robot);

        assertThat(console.session().healing().strategies()).containsExactlyInAnyOrder(Strategy.REACTIVE,
                Strategy.PREDICTIVE);
        assertThat(strategies.getCheckModel().getCheckedItems()).containsExactlyInAnyOrder(Strategy.REACTIVE,
                Strategy.PREDICTIVE);
        console.shoot(robot, "healing-overview-strategies");
    }

    // ---- helpers ----

    @Test
    void aBreakerHealingOpenedIsClosedFromThePanelByAPersonOnceTheLinkIsBack(FxRobot robot) {
        pickMode(robot, HealingMode.AUTOMATIC);
        SteppedSession session = console.session();
        session.advance(300);
        // notifications queues the mail it cannot send: it does without email-provider while the link is cut
        session.faults().inject(new FaultSpec(FaultType.NETWORK_PARTITION, "notifications", Optional.of("email-provider"),
                1, session.clock().instant(), Duration.ofMinutes(3)));
        HealingAction breaker = advanceUntil(a -> a.state() == HealingState.SUCCEEDED, 240);
        assertThat(breaker.playbookId()).isEqualTo("heal-circuit-break-dependency");
        session.advance(180);

        openHealingPanel(robot, "notifications");
        IncidentHealingViewModel healing = console.view().incidentsView().incidentView().viewModel().healing();
        IncidentHealingViewModel.DecisionRow row = healing.decisions().stream()
                .filter(r -> r.action().map(a -> a.id() == breaker.id()).orElse(false)).findFirst().orElseThrow();
        robot.interact(() -> healing.selectedProperty().set(row));
        console.settle(robot);
        assertThat(row.decision().faultKind()).startsWith("link failing");
        Button undo = robot.lookup("#healing-undo").queryButton();
        assertThat(undo.isDisabled()).isFalse();
        robot.clickOn(undo);
        console.settle(robot);
        robot.clickOn("#reason-field").write("email-provider answers again");
        robot.interact(() -> Screenshots.write(robot.lookup("#reason-confirm").queryButton().getScene(),
                "healing-undo-dialog"));
        robot.clickOn("#reason-confirm");
        console.settle(robot);
        session.advance(2);
        console.settle(robot);

        HealingAction undone = session.healing().actions().stream().filter(a -> a.id() == breaker.id()).findFirst()
                .orElseThrow();
        // the breaker's decision shown again, as a person picks it, in case a newer decision arrived meanwhile
        robot.interact(() -> healing.selectedProperty().set(healing.decisions().stream()
                .filter(r -> r.action().map(a -> a.id() == breaker.id()).orElse(false)).findFirst().orElseThrow()));
        console.settle(robot);
        assertThat(undone.rollbackId()).isPresent();
        assertThat(session.runbooks().execution(undone.rollbackId().get()).orElseThrow().startedBy()).isEqualTo("alice");
        assertThat(text(robot, "#healing-note")).contains("undone by alice").contains("email-provider answers again");
        assertThat(robot.lookup("#healing-undo").queryButton().isDisabled()).as("undone once").isTrue();
        console.shoot(robot, "healing-incident-undone");

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT7).release(KeyCode.DIGIT7, KeyCode.CONTROL);
        console.settle(robot);
        assertThat(console.view().healingView().viewModel().actions())
                .filteredOn(r -> r.playbook().equals("heal-circuit-break-dependency")).first()
                .satisfies(r -> assertThat(r.stateText()).isEqualTo("✔ succeeded · undone"));
        console.shoot(robot, "healing-overview-undone");
    }

    /** Picks the mode on the healing screen (Ctrl+7), as a person does. */
    private void pickMode(FxRobot robot, HealingMode mode) {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT7).release(KeyCode.DIGIT7, KeyCode.CONTROL);
        console.settle(robot);
        ToggleButton button = console.view().healingView().modeButton(mode);
        if (!button.isSelected()) {
            robot.clickOn(button);
            console.settle(robot);
        }
        assertThat(console.session().healing().mode()).isEqualTo(mode);
    }

    /** Five quiet minutes, then a memory leak of magnitude 5 on catalog for half an hour. */
    private void leakOnCatalog() {
        SteppedSession session = console.session();
        session.advance(300);
        session.faults().inject(new FaultSpec(FaultType.MEMORY_LEAK, "catalog", Optional.empty(), 5,
                session.clock().instant(), Duration.ofMinutes(30)));
    }

    private Optional<HealingAction> action() {
        List<HealingAction> actions = console.session().healing().actions();
        return actions.isEmpty() ? Optional.empty() : Optional.of(actions.getLast());
    }

    private boolean waitsForApproval(HealingAction action) {
        return action.executionId().flatMap(console.session().runbooks()::execution)
                .flatMap(run -> run.currentStep()).map(step -> step.state() == dev.firebreak.engine.runbook.StepState.WAITING_FOR_APPROVAL)
                .orElse(false);
    }

    /** Steps the engine a second at a time until the newest healing action matches, within {@code seconds}. */
    private HealingAction advanceUntil(Predicate<HealingAction> wanted, int seconds) {
        for (int second = 0; second < seconds; second++) {
            Optional<HealingAction> now = action();
            if (now.isPresent() && wanted.test(now.get())) {
                return now.get();
            }
            console.session().advance(1);
        }
        throw new AssertionError("no healing action as wanted within " + seconds + " s; actions: "
                + console.session().healing().actions() + "; decisions: " + console.session().healing().decisions());
    }

    private IncidentHealingViewModel.DecisionRow openHealingPanel(FxRobot robot) {
        return openHealingPanel(robot, "catalog");
    }

    /** Opens the component's incident (Ctrl+5) and its healing tab (Ctrl+B); the decision shown. */
    private IncidentHealingViewModel.DecisionRow openHealingPanel(FxRobot robot, String component) {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT5).release(KeyCode.DIGIT5, KeyCode.CONTROL);
        console.settle(robot);
        List<Incident> rows = console.view().incidentsView().table().getItems();
        int index = rows.indexOf(rows.stream().filter(i -> i.components().contains(component)).findFirst().orElseThrow());
        robot.interact(() -> console.view().incidentsView().table().getSelectionModel().select(index));
        console.settle(robot);
        IncidentView view = console.view().incidentsView().incidentView();
        // the incident's shortcuts act while the focus is in it
        robot.interact(() -> robot.lookup("#incident-timeline").query().requestFocus());
        robot.press(KeyCode.CONTROL, KeyCode.B).release(KeyCode.B, KeyCode.CONTROL);
        console.settle(robot);
        assertThat(robot.lookup("#incident-tabs").queryAs(TabPane.class).getSelectionModel().getSelectedItem().getId())
                .isEqualTo("incident-healing-tab");
        IncidentHealingViewModel.DecisionRow row = view.viewModel().healing().selectedProperty().get();
        assertThat(row).as("a healing decision is shown").isNotNull();
        return row;
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }
}
