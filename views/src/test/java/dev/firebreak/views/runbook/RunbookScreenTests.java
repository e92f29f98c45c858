package dev.firebreak.views.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.engine.runbook.Execution;
import dev.firebreak.engine.runbook.ExecutionMode;
import dev.firebreak.engine.runbook.ExecutionState;
import dev.firebreak.views.shell.ConsoleViewModel;
import dev.firebreak.views.testing.EngineBackedRunbookDesk;
import dev.firebreak.views.testing.SampleRunbooks;
import dev.firebreak.views.testing.ScriptedSession;
import dev.firebreak.views.testing.ShownConsole;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The runbooks screen in the console on a real runbook engine with a recording executor: stepping through a run
 * (approve, a failure, retry, skip, roll back), the second approver of a critical step, a protected environment, the
 * library's search and filter, and the YAML editor.
 */
@ExtendWith(ApplicationExtension.class)
class RunbookScreenTests {

    private static final String DRAIN = "action open the circuit breaker gateway -> checkout";
    private ShownConsole<ScriptedSession> console;

    @Start
    void start(Stage stage) {
        console = ShownConsole.shop(stage, "Shop", (topology, seed, speed) -> {
            ScriptedSession session = new ScriptedSession(topology, seed);
            return session.withRunbooks(EngineBackedRunbookDesk.on(session).runbook(SampleRunbooks.RESTART_CHECKOUT)
                    .runbook(SampleRunbooks.FAILOVER_DATABASE).runbook(SampleRunbooks.CLEAR_CACHE)
                    .runbook(SampleRunbooks.SCALE_OUT).file("broken.yaml", SampleRunbooks.BROKEN).build());
        });
    }

    private EngineBackedRunbookDesk desk() {
        return (EngineBackedRunbookDesk) console.session().runbooks();
    }

    private void openRun(FxRobot robot, Execution run) {
        robot.interact(() -> console.viewModel().openRun(run.id()));
        console.settle(robot);
    }

    private void click(FxRobot robot, String query) {
        robot.clickOn(query);
        console.settle(robot);
    }

    /** The state line of a step's cell in the step-through: "✔ succeeded · approved by alice". */
    private String stepStatus(FxRobot robot, String stepId) {
        return robot.lookup("#run-step-" + stepId).lookup(".run-state").queryAs(Label.class).getText();
    }

    private String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private boolean enabled(FxRobot robot, String query) {
        return !robot.lookup(query).queryAs(Button.class).isDisabled();
    }

    private boolean shown(FxRobot robot, String query) {
        Node node = robot.lookup(query).query();
        return node.isVisible() && node.getScene() != null;
    }

    /** Writes the window holding {@code query} (a dialog) under target/screenshots, to look at. */
    private static void writePng(FxRobot robot, String query, String name) {
        robot.interact(() -> dev.firebreak.views.fx.Screenshots.write(robot.lookup(query).query().getScene(), name));
    }

    private static void waitUntil(BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (TimeoutException e) {
            throw new AssertionError("condition not met within 10 s", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void personStepsThroughARunApprovingRetryingSkippingAndRollingBack(FxRobot robot) {
        Execution run = desk().startAs("alice", "restart-checkout", ExecutionMode.STEP_BY_STEP, "simulator", Map.of(), "");
        openRun(robot, run);
        assertThat(robot.lookup("#step-rendered").queryAs(TextArea.class).getText()).isEqualTo(DRAIN);
        assertThat(text(robot, "#step-expected")).startsWith("The gateway stops calling checkout at once");
        assertThat(enabled(robot, "#run-retry")).isFalse();
        assertThat(enabled(robot, "#run-rollback")).isFalse();

        click(robot, "#run-approve");

        assertThat(stepStatus(robot, "drain")).isEqualTo("✔ succeeded · approved by alice");
        assertThat(desk().executor().calls()).containsExactly(DRAIN);
        assertThat(robot.lookup("#step-output").queryAs(TextArea.class).getText()).contains("$ " + DRAIN);

        desk().executor().failNext("restart an instance", 1);
        click(robot, "#run-approve");

        assertThat(stepStatus(robot, "restart")).startsWith("✖ failed");
        assertThat(text(robot, "#run-state")).isEqualTo("‖ paused");
        assertThat(text(robot, "#run-message")).contains("retry, skip, roll back or abort");
        assertThat(enabled(robot, "#run-retry")).isTrue();
        assertThat(enabled(robot, "#run-approve")).isFalse();

        robot.press(KeyCode.ALT, KeyCode.R).release(KeyCode.R, KeyCode.ALT);
        console.settle(robot);

        assertThat(stepStatus(robot, "restart")).isEqualTo("✔ succeeded · attempt 2 · approved by alice");
        assertThat(desk().executor().callsOf("restart an instance of checkout")).isEqualTo(2);

        click(robot, "#run-skip");

        assertThat(stepStatus(robot, "warm")).isEqualTo("» skipped");
        assertThat(desk().executor().callsOf("warm cache")).isZero();
        assertThat(robot.lookup("#run-approve").queryAs(Button.class).getText()).isEqualTo("Confirm done (_A)");

        click(robot, "#run-rollback");

        assertThat(text(robot, "#run-state")).isEqualTo("↶ rolled back");
        assertThat(stepStatus(robot, "drain")).startsWith("↶ rolled back");
        assertThat(desk().executor().calls().getLast()).isEqualTo("action close the circuit breaker gateway -> checkout");
        for (String button : List.of("#run-approve", "#run-deny", "#run-skip", "#run-retry", "#run-rollback", "#run-abort",
                "#run-resume")) {
            assertThat(enabled(robot, button)).as(button).isFalse();
        }
    }

    @Test
    void samePersonApprovingACriticalStepTwiceIsRefusedAndTheStepDoesNotRun(FxRobot robot) {
        Execution run = desk().startAs("ana", "failover-database", ExecutionMode.APPROVAL_ONLY, "simulator", Map.of(), "");
        openRun(robot, run);
        click(robot, "#run-approve");
        assertThat(shown(robot, "#run-second-approver-prompt")).isFalse();

        click(robot, "#run-approve");

        assertThat(shown(robot, "#run-second-approver-prompt")).isTrue();
        assertThat(text(robot, "#run-second-approver-prompt"))
                .isEqualTo("A second person must approve: not alice, not ana (who started the run).");
        assertThat(robot.lookup("#run-approver").queryAs(TextField.class).getText()).isEmpty();

        robot.clickOn("#run-approver").write("alice");
        click(robot, "#run-approve");

        assertThat(shown(robot, "#run-refusal")).isTrue();
        assertThat(text(robot, "#run-refusal"))
                .isEqualTo("alice already approved step failover; a second approval must come from someone else");
        assertThat(stepStatus(robot, "failover")).isEqualTo("◑ waiting for approval · approved by alice");
        assertThat(desk().executor().calls()).noneMatch(call -> call.contains("fail over"));

        robot.interact(() -> robot.lookup("#run-approver").queryAs(TextField.class).clear());
        robot.clickOn("#run-approver").write("bob").type(KeyCode.ENTER);
        console.settle(robot);

        assertThat(stepStatus(robot, "failover")).isEqualTo("✔ succeeded · approved by alice, bob");
        assertThat(shown(robot, "#run-refusal")).isFalse();
        assertThat(desk().executor().calls()).contains("action fail over postgres-primary to its replica");
    }

    @Test
    void protectedEnvironmentNeedsItsNameTypedToStartAndToApprove(FxRobot robot) {
        click(robot, "#nav-runbooks");
        robot.interact(() -> console.viewModel().runbooksProperty().get().library().selectedIdProperty().set("restart-checkout"));
        click(robot, "#runbook-start");
        robot.interact(() -> robot.lookup("#start-environment").queryAs(ComboBox.class).getEditor().setText("production"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shown(robot, "#start-confirmation")).isTrue();
        assertThat(robot.lookup("#start-plan").queryAs(ListView.class).getItems()).hasSize(4);

        click(robot, "#start-run");

        assertThat(text(robot, "#start-message")).isEqualTo("'production' is a protected environment: type its name to confirm");
        assertThat(desk().executions()).isEmpty();
        writePng(robot, "#start-run-dialog", "runbooks-start-dialog-refused");

        robot.clickOn("#start-confirmation").write("production");
        click(robot, "#start-run");

        assertThat(robot.lookup("#start-run-dialog").tryQuery()).as("the dialog closed once the run started").isEmpty();
        assertThat(console.viewModel().screenProperty().get()).isEqualTo(ConsoleViewModel.Screen.RUNBOOKS);
        assertThat(robot.lookup("#run-context").queryAs(Label.class).getText()).contains("step-by-step on production");
        assertThat(text(robot, "#run-environment-prompt")).isEqualTo("production is a protected environment: type its name to approve.");

        click(robot, "#run-approve");

        assertThat(text(robot, "#run-refusal")).isEqualTo("'production' is a protected environment: type its name to confirm the approval");
        assertThat(desk().executor().calls()).isEmpty();

        robot.clickOn("#run-confirmation").write("production");
        click(robot, "#run-approve");

        assertThat(stepStatus(robot, "drain")).isEqualTo("✔ succeeded · approved by alice");
        assertThat(desk().executor().calls()).containsExactly(DRAIN);
    }

    @Test
    void librarySearchRanksWithReasonsAndTheTagFilterNarrows(FxRobot robot) {
        click(robot, "#nav-runbooks");
        assertThat(console.viewModel().screenProperty().get()).isEqualTo(ConsoleViewModel.Screen.RUNBOOKS);
        assertThat(text(robot, "#runbook-summary")).isEqualTo("4 runbooks; 1 file did not load");
        assertThat(robot.lookup("#runbook-problems .label").queryAs(Label.class).getText())
                .startsWith("broken.yaml:9: steps[1].type: unknown step type 'comand'");

        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        robot.write("checkout restart");
        console.settle(robot);

        ListView<?> results = robot.lookup("#runbook-results").queryAs(ListView.class);
        assertThat(results.getItems()).hasSize(2);
        assertThat(robot.lookup("#runbook-results .list-cell .match-reasons").queryAs(Label.class).getText())
                .isEqualTo("mentions checkout restart");
        assertThat(text(robot, "#runbook-title")).isEqualTo("Restart checkout safely");

        robot.interact(() -> robot.lookup("#runbook-search").queryAs(TextField.class).clear());
        robot.interact(() -> robot.lookup("#runbook-tag-filter").queryAs(ComboBox.class).setValue("database"));
        console.settle(robot);

        assertThat(results.getItems()).hasSize(1);
        assertThat(robot.lookup("#runbook-results .list-cell .match-reasons").queryAs(Label.class).getText())
                .isEqualTo("tagged database");
        assertThat(text(robot, "#runbook-title")).isEqualTo("Fail over the primary database");
        assertThat(robot.lookup("#runbook-steps").queryAs(javafx.scene.control.TableView.class).getItems()).hasSize(3);
    }

    @Test
    void yamlEditorShowsTheLineOfAnErrorAndSavesValidYaml(FxRobot robot) throws Exception {
        click(robot, "#nav-runbooks");
        robot.interact(() -> console.viewModel().runbooksProperty().get().library().selectedIdProperty().set("clear-cache"));
        robot.clickOn("#runbook-search");
        robot.press(KeyCode.CONTROL, KeyCode.E).release(KeyCode.E, KeyCode.CONTROL);
        console.settle(robot);
        TextArea yaml = robot.lookup("#yaml-text").queryAs(TextArea.class);
        Label problem = robot.lookup("#yaml-problem").queryAs(Label.class);
        Label status = robot.lookup("#yaml-status").queryAs(Label.class);
        waitUntil(() -> status.getText().startsWith("Valid"));

        robot.interact(() -> yaml.setText(SampleRunbooks.CLEAR_CACHE.replace("type: command", "type: comand")));
        waitUntil(() -> !problem.getText().isEmpty());

        assertThat(problem.getText()).startsWith("runbook:14: steps[0].type: unknown step type 'comand'");
        click(robot, "#yaml-go-to-line");
        writePng(robot, "#runbook-editor", "runbooks-yaml-editor-error");
        assertThat(robot.lookup("#yaml-caret").queryAs(Label.class).getText()).startsWith("Ln 14,");
        assertThat(yaml.getSelectedText()).isEqualTo("    type: comand");

        robot.interact(() -> yaml.setText(SampleRunbooks.CLEAR_CACHE.replace("Clear and warm a cache", "Flush the catalog cache")));
        robot.clickOn(yaml).type(KeyCode.END);
        waitUntil(() -> status.getText().startsWith("Valid"));
        assertThat(problem.getText()).isEmpty();

        click(robot, "#yaml-save");
        waitUntil(() -> status.getText().startsWith("Saved"));

        assertThat(Files.readString(desk().userDirectory().resolve("clear-cache.yaml"))).contains("Flush the catalog cache");
        console.settle(robot);
        assertThat(text(robot, "#runbook-title")).isEqualTo("Flush the catalog cache");
    }

    @Test
    void runsListShowsRunsStillGoingFirst(FxRobot robot) {
        Execution finished = desk().startAs("bob", "clear-cache", ExecutionMode.AUTOMATIC, "simulator", Map.of(), "");
        Execution waiting = desk().startAs("bob", "scale-out", ExecutionMode.APPROVAL_ONLY, "simulator", Map.of(), "");
        assertThat(finished.state()).isEqualTo(ExecutionState.SUCCEEDED);
        click(robot, "#nav-runbooks");
        robot.interact(() -> console.viewModel().runbooksProperty().get().tabProperty().set(RunbooksViewModel.Tab.RUNS));
        console.settle(robot);

        assertThat(console.view().runbooksView().runsList().getItems()).extracting(Execution::id)
                .containsExactly(waiting.id(), finished.id());
        assertThat(text(robot, "#runs-summary")).isEqualTo("1 going (1 waiting for a person), 1 finished");
        assertThat(robot.lookup("#run-" + waiting.id() + " .run-state").queryAs(Label.class).getText())
                .isEqualTo("◑ waiting for approval");

        robot.interact(() -> console.view().runbooksView().runsList().getSelectionModel().select(1));
        console.settle(robot);
        assertThat(text(robot, "#run-state")).isEqualTo("✔ succeeded");
    }

    @Test
    void incidentSuggestsARunbookAndStartsItFilledInForTheDiagnosedComponent(FxRobot robot) {
        ScriptedSession session = console.session();
        robot.interact(() -> {
            session.advance(600);
            session.faults().inject(new dev.firebreak.engine.fault.FaultSpec(dev.firebreak.engine.fault.FaultType.LATENCY,
                    "orders", java.util.Optional.empty(), 900, session.clock().instant(), java.time.Duration.ofMinutes(30)));
            session.advance(120);
            session.setHealth("orders", dev.firebreak.engine.health.HealthState.CRITICAL);
            session.setHealth("checkout", dev.firebreak.engine.health.HealthState.DEGRADED);
            session.advance(30);
            console.viewModel().showIncidents();
        });
        console.settle(robot);
        robot.interact(() -> console.view().incidentsView().table().getSelectionModel().select(0));
        console.settle(robot);
        robot.interact(() -> console.view().incidentsView().incidentView().showRunbooksTab());
        console.settle(robot);
        assertThat(robot.lookup("#incident-runbooks-tab .tab-label").queryAs(Label.class).getText())
                .isEqualTo("Runbooks (1 suggested)");
        assertThat(robot.lookup("#incident-runbook-suggestions .match-reasons").queryAs(Label.class).getText())
                .isEqualTo("answers errors");
        assertThat(robot.lookup("#incident-draft-runbook").queryAs(Button.class).isDisabled()).as("not resolved yet").isTrue();
        console.shoot(robot, "incident-runbook-suggestions");

        click(robot, "#incident-start-runbook-restart-checkout");

        assertThat(robot.lookup("#start-param-service").queryAs(TextField.class).getText()).isEqualTo("orders");
        click(robot, "#start-run");

        assertThat(console.viewModel().screenProperty().get()).isEqualTo(ConsoleViewModel.Screen.RUNBOOKS);
        Execution run = desk().executions().getFirst();
        assertThat(run.incidentId()).isPresent();
        assertThat(run.labels()).containsEntry("fault_kind", "errors");
        assertThat(robot.lookup("#step-rendered").queryAs(TextArea.class).getText())
                .isEqualTo("action open the circuit breaker gateway -> orders");
    }
}
