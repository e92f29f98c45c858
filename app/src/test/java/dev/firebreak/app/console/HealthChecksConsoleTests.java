package dev.firebreak.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.app.testing.SteppedSession;
import dev.firebreak.engine.check.CheckTier;
import dev.firebreak.engine.fault.FaultSpecParser;
import dev.firebreak.engine.health.HealthState;
import dev.firebreak.styles.Styles;
import dev.firebreak.views.component.CheckRow;
import dev.firebreak.views.fx.HealthStyles;
import dev.firebreak.views.shell.ConsoleViewModel;
import dev.firebreak.views.shell.Theme;
import dev.firebreak.views.testing.ShownConsole;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Health checks on the component detail, on the real engine with its runner paused: kill one of the cart's three
 * instances at night (the other two carry the load, so no golden signal moves), step the simulator, and see the
 * failing instances check, the checks' verdict by the seed's rule, and the component degraded at low severity by
 * the rule of ADR 0025. Time moves only when the test steps it.
 */
@ExtendWith(ApplicationExtension.class)
class HealthChecksConsoleTests {

    private static final String SHOP = "Shop";
    private static final String TARGET = "cart";
    /** Ten minutes for detection to learn normal, and five seconds off the checks' ten-second beat. */
    private static final int WARM_UP_SECONDS = 605;

    private ShownConsole<SteppedSession> console;
    private ConsoleViewModel viewModel;
    private SteppedSession session;

    @Start
    void start(Stage stage) {
        console = ShownConsole.shop(stage, SHOP, SteppedSession::start);
        viewModel = console.viewModel();
        session = console.session();
    }

    @AfterEach
    void restoreLightTheme(FxRobot robot) {
        robot.interact(() -> viewModel.themeProperty().set(Theme.LIGHT));
    }

    private void openTarget(FxRobot robot) {
        session.advance(WARM_UP_SECONDS);
        console.settle(robot);
        robot.clickOn("#node-" + TARGET);
        console.settle(robot);
    }

    @SuppressWarnings("unchecked")
    private ListView<CheckRow> checkList(FxRobot robot) {
        return robot.lookup("#detail-checks").queryAs(ListView.class);
    }

    private String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void killedInstanceOfAMultiReplicaComponentFailsItsInstancesCheckAndDegradesItAtLowSeverity(FxRobot robot) {
        openTarget(robot);
        Label state = robot.lookup("#detail-state").queryAs(Label.class);
        assertThat(state.getText()).contains(HealthStyles.word(HealthState.HEALTHY));
        assertThat(checkList(robot).getItems()).extracting(CheckRow::name)
                .containsExactly("endpoint", "instances", "resources");
        assertThat(checkList(robot).getItems()).noneMatch(CheckRow::failing);
        assertThat(text(robot, "#detail-verdict")).isEqualTo("Checks: all checks pass");

        session.faults().inject(FaultSpecParser.parse("instance-kill:" + TARGET + ",magnitude=1",
                session.clock().instant()));
        session.advance(16);
        console.settle(robot);

        int index = session.topology().indexOf(TARGET);
        assertThat(session.engine().detection().state(index)).as("no golden signal moved").isEqualTo(HealthState.HEALTHY);
        assertThat(state.getText()).contains(HealthStyles.word(HealthState.DEGRADED));
        assertThat(state.getPseudoClassStates()).contains(HealthStyles.pseudoClass(HealthState.DEGRADED));
        assertThat(text(robot, "#detail-health-basis"))
                .startsWith("Low severity · from health checks alone, no user-visible signal · detection: healthy");
        assertThat(text(robot, "#detail-verdict"))
                .isEqualTo("Checks: 2 shallow failures: degraded, deep checks triggered (failing: cart: 1 of 3 instances down)");
        assertThat(checkList(robot).getItems()).filteredOn(CheckRow::failing).singleElement().satisfies(row -> {
            assertThat(row.name()).isEqualTo("instances");
            assertThat(row.message()).isEqualTo("cart: 1 of 3 instances down");
            assertThat(row.when()).isEqualTo("00:10:21");
            assertThat(row.failedRuns()).isEqualTo(2);
        });
        Node shallow = robot.lookup("#tier-shallow").query();
        assertThat(shallow.getPseudoClassStates()).contains(Styles.FAILING);

        session.advance(20);
        console.settle(robot);

        assertThat(text(robot, "#detail-verdict")).as("three failed runs: unhealthy by the seed's rule")
                .startsWith("Checks: 4 shallow failures: unhealthy (critical), remediation may act");
        assertThat(robot.lookup("#detail-checked-state").queryAs(Label.class).getPseudoClassStates())
                .contains(HealthStyles.pseudoClass(HealthState.CRITICAL));
        assertThat(state.getText()).as("still only degraded: users are not affected")
                .contains(HealthStyles.word(HealthState.DEGRADED));
        Path light = console.shoot(robot, "health-checks-detail-light");
        robot.interact(viewModel::toggleTheme);
        Path dark = console.shoot(robot, "health-checks-detail-dark");
        assertThat(light).exists();
        assertThat(dark).exists();
    }

    @Test
    void deepTierShowsTheDeepCheckTheShallowFailureTriggered(FxRobot robot) {
        openTarget(robot);
        session.faults().inject(FaultSpecParser.parse("instance-kill:" + TARGET + ",magnitude=1",
                session.clock().instant()));
        session.advance(6);
        console.settle(robot);

        robot.clickOn("#tier-deep");
        console.settle(robot);

        assertThat(checkList(robot).getItems()).singleElement().satisfies(row -> {
            assertThat(row.name()).isEqualTo("deep-endpoint");
            assertThat(row.tier()).isEqualTo(CheckTier.DEEP);
            assertThat(row.failing()).isFalse();
            assertThat(row.when()).as("run at once when the shallow check failed, not at its minute")
                    .isEqualTo("00:10:11");
        });
        assertThat(text(robot, "#detail-tier-summary")).isEqualTo("Deep: 1 passing · every 1m, timeout 5s, 2 retries");
    }

    @Test
    void replacedInstanceBringsTheComponentBackToHealthyOnTheMapAndTheDetail(FxRobot robot) {
        openTarget(robot);
        session.faults().inject(FaultSpecParser.parse("instance-kill:" + TARGET + ",magnitude=1",
                session.clock().instant()));
        session.advance(30);
        console.settle(robot);
        robot.interact(viewModel::showHealthMap);
        console.settle(robot);
        Node node = robot.lookup("#node-" + TARGET).query();
        assertThat(node.getPseudoClassStates()).contains(HealthStyles.pseudoClass(HealthState.DEGRADED));
        console.shoot(robot, "health-checks-healthmap-light");

        session.advance(120);
        console.settle(robot);

        assertThat(node.getPseudoClassStates()).contains(HealthStyles.pseudoClass(HealthState.HEALTHY));
        assertThat(session.health(session.topology().indexOf(TARGET))).isEqualTo(HealthState.HEALTHY);
    }
}
