package dev.firebreak.views.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.engine.runbook.Execution;
import dev.firebreak.engine.runbook.ExecutionMode;
import dev.firebreak.engine.runbook.ExecutionState;
import dev.firebreak.engine.runbook.RunbookLearning;
import dev.firebreak.engine.runbook.StartRequest;
import dev.firebreak.views.shell.Theme;
import dev.firebreak.views.testing.EngineBackedRunbookDesk;
import dev.firebreak.views.testing.SampleRunbooks;
import dev.firebreak.views.testing.ScriptedSession;
import dev.firebreak.views.testing.ShownConsole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The runbooks screen in known states, light and dark, as PNGs under target/screenshots for people to look at. */
@ExtendWith(ApplicationExtension.class)
class RunbookScreenshotTests {

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

    @AfterEach
    void lightAgain(FxRobot robot) {
        robot.interact(() -> console.viewModel().themeProperty().set(Theme.LIGHT));
    }

    private EngineBackedRunbookDesk desk() {
        return (EngineBackedRunbookDesk) console.session().runbooks();
    }

    /** A finished automatic run of restart-checkout for an incident of {@code faultKind}; fails at the restart if asked. */
    private void finishedRun(String faultKind, boolean failsAtRestart) {
        if (failsAtRestart) {
            desk().executor().failNext("restart an instance", 1);
        }
        StartRequest request = StartRequest.of(desk().runbook("restart-checkout").orElseThrow(), ExecutionMode.AUTOMATIC,
                "simulator", "bob", Map.of()).forIncident(7, Map.of(RunbookLearning.FAULT_KIND_LABEL, faultKind));
        Execution run = desk().start(request);
        console.session().advance(95);
        if (run.state() == ExecutionState.WAITING_FOR_APPROVAL) {
            desk().approve(run.id(), "confirm", "bob", desk().execution(run.id()).orElseThrow().step("confirm").hash(), "");
        }
    }

    @Test
    void libraryWithSearchReasonsLearningAndALoadProblem(FxRobot robot) throws Exception {
        finishedRun("memory-leak", false);
        finishedRun("errors", false);
        finishedRun("memory-leak", true);
        robot.interact(() -> {
            console.viewModel().showRunbooks();
            RunbookLibraryViewModel library = console.viewModel().runbooksProperty().get().library();
            library.searchProperty().set("checkout");
            library.selectedIdProperty().set("restart-checkout");
        });

        Path light = console.shoot(robot, "runbooks-library-light");
        robot.interact(() -> console.viewModel().themeProperty().set(Theme.DARK));
        Path dark = console.shoot(robot, "runbooks-library-dark");

        assertThat(console.view().runbooksView().library().detail().learningTiles().summary()).isEqualTo("runs 3, success 67 %");
        assertThat(Files.size(light)).isPositive();
        assertThat(Files.size(dark)).isPositive();
    }

    @Test
    void stepThroughMidRunWithAStepWaitingForApproval(FxRobot robot) throws Exception {
        Execution run = desk().startAs("alice", "restart-checkout", ExecutionMode.STEP_BY_STEP, "simulator", Map.of(), "");
        robot.interact(() -> console.viewModel().openRun(run.id()));
        console.settle(robot);
        for (int approved = 0; approved < 2; approved++) {
            console.session().advance(20);
            robot.interact(() -> console.view().runbooksView().executionView().viewModel().approve());
            console.settle(robot);
        }

        Path light = console.shoot(robot, "runbooks-step-through-light");
        robot.interact(() -> console.viewModel().themeProperty().set(Theme.DARK));
        Path dark = console.shoot(robot, "runbooks-step-through-dark");

        ExecutionViewModel shown = console.view().runbooksView().executionView().viewModel();
        assertThat(shown.executionProperty().get().state()).isEqualTo(ExecutionState.WAITING_FOR_APPROVAL);
        assertThat(shown.shownProperty().get().step().id()).isEqualTo("warm");
        assertThat(shown.shownOutputProperty().get()).contains("restart an instance of checkout");
        assertThat(Files.size(light)).isPositive();
        assertThat(Files.size(dark)).isPositive();
    }
}
