package dev.firebreak.views.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.engine.health.HealthState;
import dev.firebreak.engine.incident.IncidentSeverity;
import dev.firebreak.engine.incident.IncidentState;
import dev.firebreak.engine.incident.Role;
import dev.firebreak.views.shell.Theme;
import dev.firebreak.views.testing.ScriptedSession;
import dev.firebreak.views.testing.ShownConsole;
import dev.firebreak.views.testing.Topologies;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The incidents screen on a scripted database failure: list, incident view, keyboard commands; PNGs to look at. */
@ExtendWith(ApplicationExtension.class)
class IncidentsScreenTests {

    private static final String SHOP = "Shop";
    private ShownConsole<ScriptedSession> console;

    @Start
    void start(Stage stage) {
        console = ShownConsole.shop(stage, SHOP, (topology, seed, speed) -> new ScriptedSession(topology, seed));
    }

    private void databaseFailsAndIncidentIsOpen(FxRobot robot) {
        ScriptedSession session = console.session();
        robot.interact(() -> {
            session.advance(300);
            session.setHealth("postgres-primary", HealthState.FAILED);
            for (String caller : new String[] {"orders", "payments", "shipping", "checkout"}) {
                session.setHealth(caller, HealthState.CRITICAL);
            }
            session.setHealth("gateway", HealthState.DEGRADED);
            session.advance(1);
        });
        robot.interact(() -> console.viewModel().showIncidents());
        console.settle(robot);
        robot.interact(() -> console.view().incidentsView().table().getSelectionModel().select(0));
        console.settle(robot);
    }

    private Set<String> moveButtons(FxRobot robot) {
        return robot.lookup("#incident-moves").queryAs(javafx.scene.layout.HBox.class).getChildren().stream()
                .map(Node::getId).collect(Collectors.toSet());
    }

    @Test
    void aBurstOfOpeningsShowsAtMostThreeToastsAndOneSummaryForTheRest(FxRobot robot) {
        ScriptedSession session = console.session();
        robot.interact(() -> {
            session.advance(300);
            for (String far : new String[] {"search-index", "email-provider", "session-cache", "media-store",
                    "carrier-api", "postgres-replica"}) {
                session.setHealth(far, HealthState.FAILED);
            }
            session.advance(1);
        });
        robot.interact(() -> console.viewModel().showIncidents());
        console.settle(robot);

        assertThat(console.view().incidentsView().table().getItems()).hasSizeGreaterThan(3);
        List<javafx.scene.Node> toasts = List.copyOf(robot.lookup(".notification-bar").queryAll());
        assertThat(toasts).hasSizeBetween(1, 3);
        assertThat(toasts.stream().flatMap(t -> t.lookupAll(".label").stream())
                .map(n -> n instanceof Label label ? label.getText() : "")).anyMatch(t -> t.contains("incidents opened in a few"));
        robot.interact(() -> dev.firebreak.views.fx.Screenshots.write(toasts.getFirst().getScene(), "incident-toasts-burst"));
    }

    @Test
    void databaseFailureShowsAsOneIncidentOfferingOnlyLegalMoves(FxRobot robot) {
        databaseFailsAndIncidentIsOpen(robot);

        assertThat(console.view().incidentsView().table().getItems()).hasSize(1);
        assertThat(robot.lookup("#incident-title").queryAs(Label.class).getText()).contains("postgres-primary failed");
        assertThat(robot.lookup("#incident-severity").queryAs(Label.class).getText()).isEqualTo("P1");
        assertThat(moveButtons(robot)).containsExactlyInAnyOrder("move-triaged", "move-investigating", "move-mitigating",
                "move-resolved", "move-cancelled");
        robot.interact(() -> console.view().incidentsView().incidentView().showComponentsTab());
        assertThat(robot.lookup("#affected-orders").tryQuery()).isPresent();
        robot.interact(() -> console.view().incidentsView().incidentView().showTab(false));
        assertThat(console.view().lastNotification()).startsWith("P1 INC-0001: postgres-primary failed");
        console.shoot(robot, "incidents-list-and-incident");
        robot.interact(() -> console.viewModel().themeProperty().set(Theme.DARK));
        console.shoot(robot, "incidents-list-and-incident-dark");
        robot.interact(() -> console.viewModel().themeProperty().set(Theme.LIGHT));
    }

    @Test
    void incidentMapShowsTheComponentsAndTheirNeighboursAndDrawsACallPath(FxRobot robot) {
        databaseFailsAndIncidentIsOpen(robot);
        IncidentView view = console.view().incidentsView().incidentView();
        robot.interact(() -> view.showTab(true));
        console.settle(robot);

        Node database = robot.lookup("#incident-map-postgres-primary").query();
        Node neighbour = robot.lookup("#incident-map-auth").query();
        assertThat(database.getPseudoClassStates()).extracting(Object::toString).contains("failed").doesNotContain("dimmed");
        assertThat(neighbour.getPseudoClassStates()).extracting(Object::toString).contains("dimmed");
        assertThat(robot.lookup("#incident-map-search-index").tryQuery()).isEmpty();

        robot.interact(() -> view.viewModel().highlightedPath().setAll("checkout", "orders", "postgres-primary"));
        assertThat(view.map().onPath("orders")).isTrue();
        assertThat(view.map().onPath("payments")).isFalse();
        console.shoot(robot, "incident-map-with-path");

        robot.interact(() -> view.map().open("postgres-primary"));
        console.settle(robot);
        assertThat(console.viewModel().screenProperty().get()).isEqualTo(dev.firebreak.views.shell.ConsoleViewModel.Screen.COMPONENT_DETAIL);
    }

    @Test
    void commanderRunsTheIncidentFromTheKeyboard(FxRobot robot) {
        databaseFailsAndIncidentIsOpen(robot);
        IncidentViewModel incident = console.view().incidentsView().incidentView().viewModel();

        robot.clickOn("#incident-timeline");
        robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL, KeyCode.M).release(KeyCode.M, KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        robot.write("promoting the replica").type(KeyCode.ENTER);
        robot.interact(() -> robot.lookup("#move-investigating").queryAs(Button.class).fire());
        console.settle(robot);

        assertThat(incident.incidentProperty().get().isAcknowledged()).isTrue();
        assertThat(incident.incidentProperty().get().commander()).contains("alice");
        assertThat(incident.incidentProperty().get().state()).isEqualTo(IncidentState.INVESTIGATING);
        assertThat(incident.timeline()).anySatisfy(e -> assertThat(e.text()).isEqualTo("promoting the replica"));
        assertThat(moveButtons(robot)).doesNotContain("move-closed", "move-investigating");
        assertThat(robot.lookup("#incident-verification").queryAs(Label.class).getText()).startsWith("Timeline intact");
        console.shoot(robot, "incident-view-commanded");
    }

    @Test
    void severityOverrideAndStatusUpdateDialogs(FxRobot robot) {
        databaseFailsAndIncidentIsOpen(robot);
        IncidentView view = console.view().incidentsView().incidentView();

        robot.interact(() -> {
            SeverityOverrideDialog dialog = new SeverityOverrideDialog(view.viewModel());
            dialog.fill(IncidentSeverity.P1, "the replica serves reads; only writes fail");
            dialog.initOwner(console.stage());
            dialog.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> robot.lookup(".dialog-pane .button").queryAllAs(Button.class).stream()
                .filter(b -> b.getText().equals("OK")).findFirst().orElseThrow().fire());
        console.settle(robot);
        assertThat(view.viewModel().incidentProperty().get().severity()).isEqualTo(IncidentSeverity.P1);

        StatusUpdateDialog[] dialog = new StatusUpdateDialog[1];
        robot.interact(() -> {
            dialog[0] = view.statusUpdateDialog();
            dialog[0].show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialog[0].text().getText()).startsWith("INCIDENT DETECTED").contains("Severity: P1");
        robot.interact(() -> dialog[0].getDialogPane().getScene().getRoot().applyCss());
        robot.interact(() -> console.stage().toFront());
        writeDialogPng(robot, dialog[0]);
        robot.interact(() -> ((Button) dialog[0].getDialogPane().lookupButton(StatusUpdateDialog.SEND)).fire());
        console.settle(robot);
        assertThat(view.viewModel().timeline().getLast().text()).startsWith("INCIDENT DETECTED");
    }

    @Test
    void teamTakesTheFourRolesAndReportsImpactTheConsoleCannotSee(FxRobot robot) {
        databaseFailsAndIncidentIsOpen(robot);
        IncidentView view = console.view().incidentsView().incidentView();
        IncidentViewModel incident = view.viewModel();

        robot.clickOn("#incident-timeline");
        robot.press(KeyCode.CONTROL, KeyCode.M).release(KeyCode.M, KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL, KeyCode.R).release(KeyCode.R, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.TextField person = robot.lookup("#role-person").queryAs(javafx.scene.control.TextField.class);
        assertThat(person.getText()).isEqualTo("alice");
        robot.interact(person::clear);
        robot.clickOn(person).write("bob").type(KeyCode.ENTER);
        console.settle(robot);
        for (Role role : new Role[] {Role.COMMUNICATIONS_LEAD, Role.SCRIBE}) {
            robot.interact(() -> {
                RoleDialog dialog = view.roleDialog(role);
                dialog.fill(role, role == Role.SCRIBE ? "dana" : "carol");
                dialog.show();
                if (role == Role.SCRIBE) {
                    dev.firebreak.views.fx.Screenshots.write(dialog.getDialogPane().getScene(), "incident-role-dialog");
                }
                ((Button) dialog.getDialogPane().lookupButton(ButtonType.OK)).fire();
            });
        }
        console.settle(robot);

        assertThat(incident.incidentProperty().get().roles()).containsEntry(Role.COMMANDER, "alice")
                .containsEntry(Role.TECHNICAL_LEAD, "bob").containsEntry(Role.COMMUNICATIONS_LEAD, "carol")
                .containsEntry(Role.SCRIBE, "dana");
        assertThat(robot.lookup("#incident-roles").queryAs(Label.class).getText()).contains("bob", "carol", "dana");

        ImpactReportDialog[] impact = new ImpactReportDialog[1];
        robot.interact(() -> {
            impact[0] = view.impactDialog();
            impact[0].fill(0, false, "");
            impact[0].show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> ((Button) impact[0].getDialogPane().lookupButton(ButtonType.OK)).fire());
        assertThat(robot.lookup("#impact-message").queryAs(Label.class).getText()).startsWith("Nothing to report");
        robot.interact(() -> {
            dev.firebreak.views.fx.Screenshots.write(impact[0].getDialogPane().getScene(), "incident-impact-dialog");
            impact[0].fill(12, true, "orders row-count reconciliation");
            ((Button) impact[0].getDialogPane().lookupButton(ButtonType.OK)).fire();
        });
        console.settle(robot);

        assertThat(incident.incidentProperty().get().severity()).isEqualTo(IncidentSeverity.P0);
        assertThat(incident.timeline()).anySatisfy(e -> assertThat(e.text()).contains("12 customer report(s), VIP affected"))
                .anySatisfy(e -> assertThat(e.text()).contains("data consistency check failed: orders row-count reconciliation"));
        console.shoot(robot, "incident-view-roles-and-impact");
    }

    @Test
    void healthMapMarksIncidentComponentsAndTheMarkOpensTheIncident(FxRobot robot) {
        databaseFailsAndIncidentIsOpen(robot);
        robot.interact(() -> console.viewModel().showHealthMap());
        console.settle(robot);

        Label mark = robot.lookup("#incident-mark-postgres-primary").queryAs(Label.class);
        assertThat(mark.isVisible()).isTrue();
        assertThat(mark.getText()).isEqualTo("P1 INC-0001");
        assertThat(robot.lookup("#incident-mark-catalog").queryAs(Label.class).isVisible()).isFalse();
        console.shoot(robot, "health-map-incident-marks");

        robot.clickOn(mark);
        console.settle(robot);

        assertThat(console.viewModel().screenProperty().get()).isEqualTo(dev.firebreak.views.shell.ConsoleViewModel.Screen.INCIDENTS);
        assertThat(console.view().incidentsView().incidentView().viewModel().id()).isEqualTo(1);
    }

    private static void writeDialogPng(FxRobot robot, StatusUpdateDialog dialog) {
        robot.interact(() -> dev.firebreak.views.fx.Screenshots.write(dialog.getDialogPane().getScene(), "incident-status-update-dialog"));
    }
}
