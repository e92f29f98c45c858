package dev.firebreak.app.console;

import dev.firebreak.views.shell.ConsoleView;
import dev.firebreak.views.shell.ConsoleViewModel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.engine.fault.FaultSpecParser;
import dev.firebreak.engine.fault.FaultType;
import dev.firebreak.engine.health.HealthState;
import dev.firebreak.styles.Styles;
import dev.firebreak.views.fx.HealthStyles;
import dev.firebreak.views.fx.Screenshots;
import dev.firebreak.app.testing.SteppedSession;
import dev.firebreak.views.testing.ShownConsole;
import java.util.List;
import java.util.stream.IntStream;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole console on the real simulator and the shipped shop topology: open a component from the
 * health map, inject a fault through the dialog, advance simulated time by stepping the (paused)
 * simulator, and see the detected state change on screen. Time moves only when the test steps it.
 */
@ExtendWith(ApplicationExtension.class)
class ConsoleEndToEndTests {

    private static final String SHOP = "Shop";
    private static final String TARGET = "postgres-primary";
    /** Long enough for every detector to have learned the normal level before the fault. */
    private static final int WARM_UP_SECONDS = 600;
    private static final int MAX_STEPS_TO_DETECT = 15;

    private ShownConsole<SteppedSession> console;
    private ConsoleViewModel viewModel;
    private ConsoleView view;
    private SteppedSession session;
    private Stage stage;

    @Start
    void start(Stage stage) {
        console = ShownConsole.shop(stage, SHOP, SteppedSession::start);
        this.stage = stage;
        viewModel = console.viewModel();
        view = console.view();
        session = console.session();
    }

    private void advance(int seconds) {
        session.advance(seconds);
    }

    @Test
    void instanceKillInjectedThroughTheDialogShowsAsDetectedOnScreen(FxRobot robot) {
        advance(WARM_UP_SECONDS);
        WaitForAsyncUtils.waitForFxEvents();

        robot.clickOn("#node-" + TARGET);
        Label state = robot.lookup("#detail-state").queryAs(Label.class);
        assertThat(robot.lookup("#detail-name").queryAs(Label.class).getText()).isNotBlank();
        assertThat(state.getText()).contains(HealthStyles.word(HealthState.HEALTHY));

        robot.press(KeyCode.CONTROL, KeyCode.I).release(KeyCode.I, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        ComboBox<?> target = robot.lookup("#fault-target").queryAs(ComboBox.class);
        assertThat(target.getEditor().getText()).isEqualTo(TARGET);
        @SuppressWarnings("unchecked")
        ChoiceBox<FaultType> type = robot.lookup("#fault-type").queryAs(ChoiceBox.class);
        robot.interact(() -> type.setValue(FaultType.INSTANCE_KILL));
        robot.doubleClickOn("#fault-magnitude").eraseText(4).write("1");
        robot.doubleClickOn("#fault-duration").eraseText(4).write("10m");
        Node inject = robot.lookup("#fault-inject").query();
        assertThat(inject.isDisabled()).isFalse();
        robot.clickOn(inject);
        WaitForAsyncUtils.waitForFxEvents();

        int index = session.topology().indexOf(TARGET);
        int steps = 0;
        // its endpoint check may see it down a tick before detection does: degraded (checks only) until then
        while (!session.health(index).isWorseThan(HealthState.DEGRADED) && steps < MAX_STEPS_TO_DETECT) {
            advance(1);
            steps++;
        }
        advance(2);
        robot.interact(viewModel::refreshNow);
        WaitForAsyncUtils.waitForFxEvents();

        HealthState now = session.health(index);
        assertThat(steps).isLessThan(MAX_STEPS_TO_DETECT);
        assertThat(now).isIn(HealthState.FAILED, HealthState.CRITICAL);
        assertThat(state.getText()).contains(HealthStyles.word(now));
        assertThat(state.getPseudoClassStates()).contains(HealthStyles.pseudoClass(now));
        assertThat(robot.lookup("#detail-faults").queryListView().getItems()).hasSize(1);
        robot.interact(() -> Screenshots.write(stage.getScene(), "e2e-detail-after-instance-kill"));

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        Node node = robot.lookup("#node-" + TARGET).query();
        assertThat(node.getPseudoClassStates()).contains(HealthStyles.pseudoClass(now));
        assertThat(node.getStyleClass()).contains(Styles.GRAPH_NODE_SELECTED);
        robot.interact(() -> Screenshots.write(stage.getScene(), "e2e-healthmap-after-instance-kill"));
    }

    /**
     * The loop closes: the killed database is replaced by the simulator after two minutes, and the health map
     * shows it and every caller healthy again within minutes, not half an hour later (ADR 0017).
     */
    @Test
    void aKilledDatabaseAndItsCallersAreShownHealthyAgainAfterItIsReplaced(FxRobot robot) {
        advance(WARM_UP_SECONDS);
        int index = session.topology().indexOf(TARGET);
        session.faults().inject(FaultSpecParser.parse("instance-kill:" + TARGET + ",magnitude=1", session.clock().instant()));
        advance(30);
        List<Integer> callers = IntStream.of(session.topology().callersOf(index)).boxed().toList();
        assertThat(session.health(index)).isIn(HealthState.FAILED, HealthState.CRITICAL);
        assertThat(callers).anySatisfy(caller -> assertThat(session.health(caller)).isNotEqualTo(HealthState.HEALTHY));

        // replaced at two minutes; RECOVERING once its signals are back, HEALTHY two quiet minutes later
        advance(7 * 60);
        robot.interact(viewModel::refreshNow);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(session.health(index)).isEqualTo(HealthState.HEALTHY);
        assertThat(callers).allSatisfy(caller -> assertThat(session.health(caller)).isEqualTo(HealthState.HEALTHY));
        for (int caller : callers) {
            Node node = robot.lookup("#node-" + session.topology().component(caller).id()).query();
            assertThat(node.getPseudoClassStates()).contains(HealthStyles.pseudoClass(HealthState.HEALTHY));
        }
        robot.interact(() -> Screenshots.write(stage.getScene(), "e2e-healthmap-recovered-after-instance-kill"));
    }
}
