package dev.firebreak.views.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.engine.change.ChangeEvent;
import dev.firebreak.engine.change.ChangeKind;
import dev.firebreak.engine.fault.FaultSpec;
import dev.firebreak.engine.fault.FaultType;
import dev.firebreak.engine.health.HealthState;
import dev.firebreak.engine.topology.Topology;
import dev.firebreak.views.fx.Screenshots;
import dev.firebreak.views.healthmap.HealthMapViewModel.StateFilter;
import dev.firebreak.views.simcontrol.FaultDialog;
import dev.firebreak.views.testing.ScriptedSession;
import dev.firebreak.views.testing.ShownConsole;
import dev.firebreak.views.testing.Topologies;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Renders each screen in known states and writes PNGs under target/screenshots for people to look at. */
@ExtendWith(ApplicationExtension.class)
class ConsoleScreenshotTests {

    private static final String SHOP = "Shop (25 components)";
    private static final String SYNTHETIC = "Synthetic (2,000 components)";

    private Stage stage;
    private ConsoleViewModel viewModel;
    private ConsoleView view;
    private ShownConsole<ScriptedSession> console;

    @Start
    void start(Stage stage) {
        Map<String, Supplier<Topology>> topologies = new LinkedHashMap<>();
        topologies.put(SHOP, Topologies::shop);
        topologies.put(SYNTHETIC, Topologies::synthetic2000);
        console = ShownConsole.of(stage, topologies, SHOP, (topology, seed, speed) -> new ScriptedSession(topology, seed));
        this.stage = stage;
        viewModel = console.viewModel();
        view = console.view();
    }

    private ScriptedSession session() {
        return console.session();
    }

    private Path shoot(FxRobot robot, String name) {
        return console.shoot(robot, name);
    }

    @AfterEach
    void restoreLightTheme(FxRobot robot) {
        robot.interact(() -> viewModel.themeProperty().set(Theme.LIGHT));
    }

    private void breakSome(Topology topology) {
        session().setHealth(topology.component(4).id(), HealthState.DEGRADED);
        session().setHealth(topology.component(9).id(), HealthState.CRITICAL);
        session().setHealth(topology.component(13).id(), HealthState.FAILED);
        session().setHealth(topology.component(17).id(), HealthState.RECOVERING);
    }

    @Test
    void healthMapOfTheShopInLightAndDarkThemes(FxRobot robot) throws Exception {
        Topology shop = session().topology();
        breakSome(shop);
        session().advance(120);
        robot.interact(() -> viewModel.healthMapProperty().get().select(shop.component(13).id()));
        robot.interact(viewModel::showHealthMap);
        robot.interact(() -> view.healthMapView().showHoverCard(9));

        Path light = shoot(robot, "healthmap-shop-light");
        robot.interact(viewModel::toggleTheme);
        robot.interact(() -> view.healthMapView().showHoverCard(9));
        Path dark = shoot(robot, "healthmap-shop-dark");

        assertThat(Files.size(light)).isPositive();
        assertThat(Files.size(dark)).isPositive();
    }

    @Test
    void healthMapOfTwoThousandComponentsWithSomeFailing(FxRobot robot) {
        console.selectTopology(robot, SYNTHETIC);
        Topology big = session().topology();
        SplittableRandom random = new SplittableRandom(3);
        HealthState[] bad = {HealthState.DEGRADED, HealthState.CRITICAL, HealthState.FAILED, HealthState.RECOVERING};
        for (int k = 0; k < 60; k++) {
            session().setHealth(big.component(random.nextInt(big.size())).id(), bad[k % bad.length]);
        }
        session().advance(30);
        robot.interact(() -> view.healthMapView().showHoverCard(big.indexOf(big.component(100).id())));

        Path all = shoot(robot, "healthmap-2000-light");
        robot.interact(viewModel::toggleTheme);
        shoot(robot, "healthmap-2000-dark");
        robot.interact(() -> viewModel.healthMapProperty().get().stateFilterProperty().set(StateFilter.NOT_HEALTHY));
        shoot(robot, "healthmap-2000-not-healthy-dark");

        assertThat(all).exists();
        assertThat(session().isClosed()).isFalse();
        // sixty failing components open a burst of incidents: their toasts must not stack past the window's edge
        long toasts = robot.lookup(".notification-bar").queryAll().size();
        assertThat(toasts).isBetween(1L, 3L);
    }

    @Test
    void componentDetailWithAnActiveFault(FxRobot robot) {
        Topology shop = session().topology();
        String id = shop.component(6).id();
        session().advance(300);
        session().faults().inject(new FaultSpec(FaultType.LATENCY, id, Optional.empty(), 900,
                session().clock().instant(), Duration.ofMinutes(10)));
        session().addChange(new ChangeEvent(session().clock().instant(), id, ChangeKind.DEPLOYMENT,
                shop.component(6).version(), "2.0.0", "ci-bot", "routine deployment"));
        session().setHealth(id, HealthState.DEGRADED);
        session().advance(240);

        robot.interact(() -> viewModel.openComponent(id));

        shoot(robot, "component-detail-light");
        robot.interact(viewModel::toggleTheme);
        shoot(robot, "component-detail-dark");
        assertThat(view.detailView().viewModel().faults()).hasSize(1);
    }

    @Test
    void faultDialogShowsWhyInputIsInvalid(FxRobot robot) {
        Topology shop = session().topology();
        robot.interact(() -> viewModel.openComponent(shop.component(0).id()));
        FaultDialog[] dialog = new FaultDialog[1];
        robot.interact(() -> dialog[0] = view.openFaultDialog());
        robot.interact(() -> dialog[0].viewModel().magnitudeProperty().set("70000"));
        WaitForAsyncUtils.waitForFxEvents();

        Path[] file = new Path[1];
        robot.interact(() -> file[0] = Screenshots.write(dialog[0].getDialogPane().getScene(), "fault-dialog-invalid"));
        robot.interact(() -> dialog[0].viewModel().magnitudeProperty().set("800"));
        robot.interact(() -> Screenshots.write(dialog[0].getDialogPane().getScene(), "fault-dialog-valid"));
        robot.interact(dialog[0]::close);

        assertThat(file[0]).exists();
    }
}
