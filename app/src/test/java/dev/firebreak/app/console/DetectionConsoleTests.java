package dev.firebreak.app.console;

import dev.firebreak.views.shell.ConsoleView;
import dev.firebreak.views.shell.ConsoleViewModel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.engine.detect.history.SeriesVerdict;
import dev.firebreak.engine.fault.FaultSpec;
import dev.firebreak.engine.fault.FaultType;
import dev.firebreak.engine.predict.SeriesOutlook;
import dev.firebreak.engine.telemetry.MetricName;
import dev.firebreak.engine.telemetry.SeriesKey;
import dev.firebreak.views.component.ComponentDetailView;
import dev.firebreak.views.fx.Screenshots;
import dev.firebreak.app.testing.SteppedSession;
import dev.firebreak.views.testing.ShownConsole;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Detection on screen with the real simulator, stepped by hand: a latency fault on catalog is marked
 * on its chart and explained on click; the settings screen says what is wrong while typing; a memory
 * leak on cart is forecast to breach. Writes PNGs under target/screenshots.
 */
@ExtendWith(ApplicationExtension.class)
class DetectionConsoleTests {

    private static final String SHOP = "Shop";
    private static final int MAX_STEPS_TO_DETECT = 120;

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

    private void settle(FxRobot robot) {
        console.settle(robot);
    }

    private void shoot(FxRobot robot, String name) {
        console.shoot(robot, name);
    }

    private void advance(int seconds) {
        session.advance(seconds);
    }

    private List<SeriesVerdict> marksSince(String component, MetricName metric, long since) {
        long now = session.clock().instant().getEpochSecond();
        return session.detectionHistory().trace(new SeriesKey(component, metric), since, now).marks();
    }

    @Test
    void latencyFaultOnCatalogIsMarkedAndExplainedOnClick(FxRobot robot) {
        advance(300);
        robot.interact(() -> viewModel.openComponent("catalog"));
        long faultStart = session.clock().instant().getEpochSecond();
        session.faults().inject(new FaultSpec(FaultType.LATENCY, "catalog", Optional.empty(), 500,
                session.clock().instant(), Duration.ofMinutes(10)));

        int steps = 0;
        while (marksSince("catalog", MetricName.LATENCY_P99, faultStart).isEmpty() && steps < MAX_STEPS_TO_DETECT) {
            advance(1);
            steps++;
        }
        advance(15);
        settle(robot);
        ComponentDetailView detail = view.detailView();
        List<SeriesVerdict> drawn = detail.drawnMarks(MetricName.LATENCY_P99).stream()
                .filter(m -> m.epochSecond() > faultStart).toList();
        assertThat(steps).isLessThan(MAX_STEPS_TO_DETECT);
        assertThat(drawn).isNotEmpty();
        shoot(robot, "detection-detail-anomaly");

        SeriesVerdict first = drawn.getFirst();
        double[] at = detail.markPosition(MetricName.LATENCY_P99, first);
        Region chart = detail.chart(MetricName.LATENCY_P99);
        Point2D onScreen = chart.localToScreen(at[0], at[1]);
        robot.clickOn(onScreen);
        WaitForAsyncUtils.waitForFxEvents();

        Node card = robot.lookup("#explanation").query();
        String text = robot.lookup("#explanation-text").queryAs(Label.class).getText();
        assertThat(card.isVisible()).isTrue();
        assertThat(detail.viewModel().selectedMarkProperty().get()).isEqualTo(first);
        assertThat(robot.lookup("#explanation-title").queryAs(Label.class).getText()).contains("Latency p99");
        assertThat(text).contains("Fired:").contains(first.fired().getFirst().reason()).contains("Statistical +");
        shoot(robot, "detection-explanation");
        robot.interact(() -> Screenshots.write(card, "detection-explanation-card"));
    }

    @Test
    void settingsScreenShowsWhyAFieldIsInvalidWhileTyping(FxRobot robot) {
        advance(5);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();

        robot.doubleClickOn("#settings-rolling-window").eraseText(4).write("5");
        WaitForAsyncUtils.waitForFxEvents();

        Label message = robot.lookup("#settings-rolling-window-message").queryAs(Label.class);
        assertThat(message.getText()).contains("between 10 and 1000");
        assertThat(robot.lookup("#settings-apply").query().isDisabled()).isTrue();
        shoot(robot, "detection-settings-invalid");

        robot.write("0");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#settings-apply");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(message.getText()).isEmpty();
        assertThat(session.engine().detection().config().forMetric(MetricName.LATENCY_P99).rolling().orElseThrow().window())
                .isEqualTo(50);
    }

    @Test
    void baselineHoldSwitchedOffOnTheSettingsScreenIsAppliedToTheMetric(FxRobot robot) {
        advance(5);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#settings-baseline-quietsamples").query().isDisabled()).isFalse();

        robot.clickOn("#settings-hold-on");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#settings-baseline-quietsamples").query().isDisabled()).isTrue();
        shoot(robot, "detection-settings-hold-off");
        robot.clickOn("#settings-apply");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(session.engine().detection().config().forMetric(MetricName.LATENCY_P99).hold()).isEmpty();
    }

    @Test
    void minimumDepartureIsCheckedAsTypedAndAppliedToTheMetric(FxRobot robot) {
        advance(5);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> robot.lookup(".scroll-pane").queryAs(ScrollPane.class).setVvalue(1));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(session.engine().detection().config().forMetric(MetricName.LATENCY_P99).minDeparture().relative())
                .isEqualTo(0.05);

        robot.doubleClickOn("#settings-minimum-relative").eraseText(6).write("2");
        WaitForAsyncUtils.waitForFxEvents();

        Label message = robot.lookup("#settings-minimum-relative-message").queryAs(Label.class);
        assertThat(message.getText()).contains("between 0 and 1");
        assertThat(robot.lookup("#settings-apply").query().isDisabled()).isTrue();
        shoot(robot, "detection-settings-minimum-departure-invalid");

        robot.eraseText(1).write("0.1");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#settings-apply");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(message.getText()).isEmpty();
        assertThat(session.engine().detection().config().forMetric(MetricName.LATENCY_P99).minDeparture().relative())
                .isEqualTo(0.1);
    }

    @Test
    void memoryLeakOnCartIsForecastToBreachFromTheDetailsForecastButton(FxRobot robot) {
        advance(120);
        session.faults().inject(new FaultSpec(FaultType.MEMORY_LEAK, "cart", Optional.empty(), 3,
                session.clock().instant(), Duration.ofHours(2)));
        SeriesKey cartMemory = new SeriesKey("cart", MetricName.MEMORY);
        int steps = 0;
        while (!session.forecast(cartMemory).map(SeriesOutlook::breach).map(b -> b.predicted()).orElse(false)
                && steps < 3600) {
            advance(60);
            steps += 60;
        }
        robot.interact(() -> viewModel.openComponent("cart"));
        settle(robot);

        robot.clickOn("#forecast-memory");
        settle(robot);

        String breach = robot.lookup("#forecast-breach").queryAs(Label.class).getText();
        assertThat(viewModel.screenProperty().get()).isEqualTo(ConsoleViewModel.Screen.FORECAST);
        assertThat(breach).startsWith("Breach of 95");
        assertThat(robot.lookup("#forecast-risk").queryAs(Label.class).getText()).startsWith("Risk ");
        shoot(robot, "forecast-memory-leak-cart");
    }
}
