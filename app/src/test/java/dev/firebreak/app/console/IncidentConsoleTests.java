package dev.firebreak.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.firebreak.app.testing.SteppedSession;
import dev.firebreak.engine.fault.FaultType;
import dev.firebreak.engine.incident.Incident;
import dev.firebreak.engine.incident.IncidentSeverity;
import dev.firebreak.engine.incident.IncidentState;
import dev.firebreak.engine.incident.TimelineKind;
import dev.firebreak.engine.notify.ChannelConfig;
import dev.firebreak.engine.notify.NotificationConfig;
import dev.firebreak.engine.notify.Secret;
import dev.firebreak.engine.notify.WebhookTarget;
import dev.firebreak.views.incident.IncidentView;
import dev.firebreak.views.incident.IncidentViewModel;
import dev.firebreak.views.incident.StatusUpdateDialog;
import dev.firebreak.views.shell.ConsoleViewModel;
import dev.firebreak.views.shell.Theme;
import dev.firebreak.views.testing.ShownConsole;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The commander's whole loop on the real engine: a fault injected through the dialog opens an incident; the
 * commander acknowledges, takes command, adds a note, overrides the severity with a reason, sends a status update
 * that reaches a local webhook server, and resolves; illegal moves are never offered.
 */
@ExtendWith(ApplicationExtension.class)
class IncidentConsoleTests {

    private static final String SHOP = "Shop (25 components)";
    private final MockWebServer hooks = new MockWebServer();
    private ShownConsole<SteppedSession> console;

    @Start
    void start(Stage stage) throws IOException {
        hooks.setDispatcher(new okhttp3.mockwebserver.Dispatcher() {
            @Override
            public okhttp3.mockwebserver.MockResponse dispatch(RecordedRequest request) {
                return new okhttp3.mockwebserver.MockResponse().setResponseCode(200);
            }
        });
        hooks.start();
        NotificationConfig notifications = new NotificationConfig(List.of(ChannelConfig.of("status-hook",
                new WebhookTarget(Secret.plain(hooks.url("/hook").toString()), Optional.empty()))));
        console = ShownConsole.shop(stage, SHOP, (topology, seed, speed) -> SteppedSession.start(topology, seed, speed, notifications));
    }

    @AfterEach
    void stop() throws IOException {
        hooks.shutdown();
    }

    private List<JsonNode> hooksReceived(int atLeast) throws InterruptedException, IOException {
        List<JsonNode> bodies = new ArrayList<>();
        for (int i = 0; i < atLeast; i++) {
            RecordedRequest request = hooks.takeRequest(10, TimeUnit.SECONDS);
            assertThat(request).as("webhook request %d", i + 1).isNotNull();
            bodies.add(new ObjectMapper().readTree(request.getBody().readUtf8()));
        }
        return bodies;
    }

    @Test
    void faultThroughTheDialogBecomesAnIncidentTheCommanderRunsToResolution(FxRobot robot) throws Exception {
        SteppedSession session = console.session();
        ConsoleViewModel viewModel = console.viewModel();
        session.advance(600);
        robot.clickOn("#node-postgres-primary");
        robot.press(KeyCode.CONTROL, KeyCode.I).release(KeyCode.I, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        ChoiceBox<FaultType> type = robot.lookup("#fault-type").queryAs(ChoiceBox.class);
        robot.interact(() -> type.setValue(FaultType.INSTANCE_KILL));
        robot.doubleClickOn("#fault-magnitude").eraseText(4).write("1");
        robot.doubleClickOn("#fault-duration").eraseText(4).write("5m");
        robot.clickOn("#fault-inject");
        session.advance(20);

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT5).release(KeyCode.DIGIT5, KeyCode.CONTROL);
        console.settle(robot);
        robot.interact(() -> console.view().incidentsView().table().getSelectionModel().select(0));
        console.settle(robot);
        IncidentView view = console.view().incidentsView().incidentView();
        IncidentViewModel incident = view.viewModel();
        assertThat(incident.incidentProperty().get().components()).contains("postgres-primary", "orders");
        assertThat(session.incidents().incidents()).hasSize(1);

        robot.clickOn("#incident-acknowledge");
        robot.clickOn("#incident-take-command");
        robot.clickOn("#incident-note").write("failing over to postgres-replica").type(KeyCode.ENTER);
        robot.interact(() -> viewModelOverride(incident));
        robot.clickOn("#move-mitigating");
        console.settle(robot);
        assertThat(moves(robot)).doesNotContain("move-closed", "move-triaged", "move-mitigating");

        StatusUpdateDialog[] dialog = new StatusUpdateDialog[1];
        robot.interact(() -> {
            dialog[0] = view.statusUpdateDialog();
            dialog[0].show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> dialog[0].text().appendText("\nBridge: #inc-postgres"));
        robot.interact(() -> dev.firebreak.views.fx.Screenshots.write(dialog[0].getDialogPane().getScene(), "e2e-incident-status-update"));
        robot.interact(() -> ((Button) dialog[0].getDialogPane().lookupButton(StatusUpdateDialog.SEND)).fire());

        List<JsonNode> received = hooksReceived(4);
        assertThat(received).extracting(b -> b.get("kind").asText()).contains("trigger", "acknowledge", "update");
        assertThat(received).anySatisfy(b -> assertThat(b.toString()).contains("Bridge: #inc-postgres"));
        session.advance(1);
        console.settle(robot);
        assertThat(incident.timeline()).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo(TimelineKind.NOTIFICATION);
            assertThat(e.text()).contains("'status-hook'").contains("delivered");
        });

        robot.clickOn("#move-resolved");
        console.settle(robot);
        Incident resolved = incident.incidentProperty().get();
        assertThat(resolved.state()).isEqualTo(IncidentState.RESOLVED);
        assertThat(resolved.severity()).isEqualTo(IncidentSeverity.P0);
        assertThat(resolved.acknowledgedBy()).contains("alice");
        assertThat(resolved.commander()).contains("alice");
        assertThat(incident.verificationProperty().get()).startsWith("Timeline intact");
        assertThat(moves(robot)).containsExactlyInAnyOrder("move-investigating", "move-closed");
        assertThat(hooksReceived(1)).anySatisfy(b -> assertThat(b.get("kind").asText()).isIn("resolve", "update", "acknowledge"));
        console.shoot(robot, "e2e-incident-resolved");
        robot.interact(() -> viewModel.themeProperty().set(Theme.DARK));
        console.shoot(robot, "e2e-incident-resolved-dark");
        robot.interact(() -> viewModel.themeProperty().set(Theme.LIGHT));
    }

    private static void viewModelOverride(IncidentViewModel incident) {
        assertThat(incident.overrideSeverity(IncidentSeverity.P0, "checkout cannot take payments")).isTrue();
    }

    private static List<String> moves(FxRobot robot) {
        return robot.lookup("#incident-moves").queryAs(javafx.scene.layout.HBox.class).getChildren().stream()
                .map(Node::getId).toList();
    }
}
