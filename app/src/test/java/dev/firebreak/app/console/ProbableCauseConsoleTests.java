package dev.firebreak.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.app.testing.SteppedSession;
import dev.firebreak.engine.fault.FaultSpec;
import dev.firebreak.engine.fault.FaultType;
import dev.firebreak.engine.incident.TimelineKind;
import dev.firebreak.views.incident.IncidentView;
import dev.firebreak.views.incident.IncidentViewModel;
import dev.firebreak.views.shell.ConsoleViewModel;
import dev.firebreak.views.shell.Theme;
import dev.firebreak.views.testing.ShownConsole;
import java.time.Duration;
import java.util.Optional;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The probable-cause panel on the real engine: a fault opens an incident, root-cause analysis ranks its causes, the
 * panel shows them with their evidence and draws the chosen cause's call path on the incident's map; the person
 * confirms the cause (on the timeline) and jumps to its component with the onset marked.
 */
@ExtendWith(ApplicationExtension.class)
class ProbableCauseConsoleTests {

    private static final String SHOP = "Shop (25 components)";
    private ShownConsole<SteppedSession> console;

    @Start
    void start(Stage stage) {
        console = ShownConsole.shop(stage, SHOP, SteppedSession::start);
    }

    /** Warms up, injects the fault on the simulator, lets it develop, and opens the incident it caused. */
    private IncidentView incidentAfter(FxRobot robot, FaultType type, String target, double magnitude) {
        SteppedSession session = console.session();
        session.advance(900);
        session.faults().inject(new FaultSpec(type, target, Optional.empty(), magnitude, session.clock().instant(),
                Duration.ofMinutes(10)));
        session.advance(90);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT5).release(KeyCode.DIGIT5, KeyCode.CONTROL);
        console.settle(robot);
        robot.interact(() -> console.view().incidentsView().table().getSelectionModel().select(0));
        console.settle(robot);
        return console.view().incidentsView().incidentView();
    }

    @Test
    void databaseKillIsDiagnosedWithItsPathDrawnAndConfirmedFromTheKeyboard(FxRobot robot) {
        IncidentView view = incidentAfter(robot, FaultType.INSTANCE_KILL, "postgres-primary", 1);
        IncidentViewModel incident = view.viewModel();

        robot.clickOn("#incident-timeline");
        robot.press(KeyCode.CONTROL, KeyCode.D).release(KeyCode.D, KeyCode.CONTROL);
        console.settle(robot);
        assertThat(incident.causes()).isNotEmpty();
        IncidentViewModel.CauseRow top = incident.causes().getFirst();
        assertThat(top.cause().component()).isEqualTo("postgres-primary");
        assertThat(incident.highlightedPath()).isEqualTo(top.cause().path()).endsWith("postgres-primary");
        assertThat(robot.lookup("#cause-path").queryAs(Label.class).getText()).contains("postgres-primary");
        Label summary = robot.lookup("#cause-summary").queryAs(Label.class);
        assertThat(summary.getText()).startsWith("Explains postgres-primary");
        assertThat(summary.getTooltip().getText()).as("notes wider than the panel are read on hover")
                .isEqualTo(summary.getText());
        assertThat(robot.lookup("#incident-map-postgres-primary").query().getStyleClass()).contains("incident-map-path");
        console.shoot(robot, "probable-cause-database-kill");
        robot.interact(() -> console.viewModel().themeProperty().set(Theme.DARK));
        console.shoot(robot, "probable-cause-database-kill-dark");
        robot.interact(() -> console.viewModel().themeProperty().set(Theme.LIGHT));

        robot.clickOn("#cause-postgres-primary");
        robot.press(KeyCode.CONTROL, KeyCode.Y).release(KeyCode.Y, KeyCode.CONTROL);
        console.settle(robot);
        assertThat(incident.messageProperty().get()).isEmpty();
        assertThat(incident.causes().getFirst().verdict()).contains(true);
        assertThat(incident.timeline()).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo(TimelineKind.DIAGNOSIS);
            assertThat(e.text()).startsWith("confirmed postgres-primary as the cause");
        });

        robot.press(KeyCode.CONTROL, KeyCode.G).release(KeyCode.G, KeyCode.CONTROL);
        console.settle(robot);
        assertThat(console.viewModel().screenProperty().get()).isEqualTo(ConsoleViewModel.Screen.COMPONENT_DETAIL);
        assertThat(console.viewModel().detailProperty().get().component().id()).isEqualTo("postgres-primary");
        assertThat(console.viewModel().detailProperty().get().markedMomentProperty().get()).isEqualTo(top.cause().onset().orElseThrow());
        console.shoot(robot, "probable-cause-onset-on-detail");
    }

    @Test
    void badDeploymentIsRankedFirstWithTheDeploymentInItsEvidence(FxRobot robot) {
        IncidentView view = incidentAfter(robot, FaultType.BAD_DEPLOYMENT, "inventory", FaultType.BAD_DEPLOYMENT.defaultMagnitude());
        IncidentViewModel incident = view.viewModel();

        IncidentViewModel.CauseRow top = incident.causes().getFirst();
        assertThat(top.cause().component()).isEqualTo("inventory");
        assertThat(top.cause().kind()).contains("deployment");
        assertThat(top.cause().evidence()).anySatisfy(line -> assertThat(line).containsIgnoringCase("deploy"));
        robot.interact(() -> view.showTab(true));
        console.settle(robot);
        assertThat(robot.lookup("#incident-map-inventory").query().getStyleClass()).contains("incident-map-path");
        console.shoot(robot, "probable-cause-bad-deployment");
    }
}
