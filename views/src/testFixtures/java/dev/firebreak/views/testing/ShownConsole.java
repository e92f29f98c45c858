package dev.firebreak.views.testing;

import dev.firebreak.engine.topology.Topology;
import dev.firebreak.views.fx.Screenshots;
import dev.firebreak.views.session.ConsoleSession;
import dev.firebreak.views.session.SessionFactory;
import dev.firebreak.views.shell.ConsoleContext;
import dev.firebreak.views.shell.ConsoleView;
import dev.firebreak.views.task.UiTaskExecutor;
import dev.firebreak.views.shell.ConsoleViewModel;
import dev.firebreak.views.shell.Preference;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole console shown on a TestFX stage at the screenshot size, with the session its factory
 * made last, so UI tests share one way to start it, to let coalesced updates land and to write PNGs.
 *
 * @param <S> the kind of session the tests drive (scripted or a paused real simulator)
 */
public final class ShownConsole<S extends ConsoleSession> {

    public static final int WIDTH = 1440;
    public static final int HEIGHT = 860;

    private final Stage stage;
    private final ConsoleViewModel viewModel;
    private final ConsoleView view;
    private S session;
    private final UiTaskExecutor tasks = new UiTaskExecutor();

    private ShownConsole(Stage stage, Map<String, Supplier<Topology>> topologies, String initial,
            SessionMaker<S> sessions) {
        this.stage = stage;
        SessionFactory factory = (topology, seed, speed) -> {
            session = sessions.make(topology, seed, speed);
            return session;
        };
        viewModel = new ConsoleViewModel(new ConsoleContext(topologies, factory, Preference.inMemory("light"),
                initial, 42, 1, tasks, Preference.inMemory("alice")));
        view = new ConsoleView(viewModel);
        stage.setScene(new Scene(view, WIDTH, HEIGHT));
        stage.show();
        viewModel.start();
    }

    /** Makes sessions of a known type, so tests reach their extra controls without casts. */
    @FunctionalInterface
    public interface SessionMaker<S extends ConsoleSession> {
        S make(Topology topology, long seed, double speed);
    }

    /** Shows the console on the shop topology only (named as the console names it). */
    public static <S extends ConsoleSession> ShownConsole<S> shop(Stage stage, String shopName, SessionMaker<S> sessions) {
        Map<String, Supplier<Topology>> topologies = new LinkedHashMap<>();
        topologies.put(shopName, Topologies::shop);
        return new ShownConsole<>(stage, topologies, shopName, sessions);
    }


    /** Shows the console with a choice of topologies, starting on {@code initial}. */
    public static <S extends ConsoleSession> ShownConsole<S> of(Stage stage, Map<String, Supplier<Topology>> topologies,
            String initial, SessionMaker<S> sessions) {
        return new ShownConsole<>(stage, topologies, initial, sessions);
    }

    public Stage stage() {
        return stage;
    }

    public ConsoleViewModel viewModel() {
        return viewModel;
    }

    public ConsoleView view() {
        return view;
    }

    /** The session the console runs now (a restart or topology change makes a new one). */
    public S session() {
        return session;
    }

    /** Switches topology as the toolbar does and waits until the new session runs (it starts off the FX thread). */
    public void selectTopology(FxRobot robot, String name) {
        robot.interact(() -> viewModel.selectTopology(name));
        try {
            WaitForAsyncUtils.waitFor(30, java.util.concurrent.TimeUnit.SECONDS, () -> !viewModel.switchingProperty().get());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the session for " + name + " did not start within 30 s", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Lets queued FX work run, then pulls the coalesced engine state into the screens and lays them out. */
    public void settle(FxRobot robot) {
        // background work (the open incident's timeline reads) posts its outcome to the FX thread when done: refresh
        // until none is under way after a refresh, so what the test looks at has been applied
        for (int round = 0; round < 200; round++) {
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> {
                viewModel.refreshNow();
                view.applyCss();
                view.layout();
            });
            WaitForAsyncUtils.waitForFxEvents();
            if (tasks.pending() == 0) {
                return;
            }
            WaitForAsyncUtils.sleep(10, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
    }

    /** Settles, then writes the scene to {@code target/screenshots/<name>.png}. */
    public Path shoot(FxRobot robot, String name) {
        settle(robot);
        Path[] file = new Path[1];
        robot.interact(() -> file[0] = Screenshots.write(stage.getScene(), name));
        return file[0];
    }
}
