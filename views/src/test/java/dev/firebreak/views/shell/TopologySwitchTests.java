package dev.firebreak.views.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.engine.topology.Topology;
import dev.firebreak.views.testing.ScriptedSession;
import dev.firebreak.views.testing.ShownConsole;
import dev.firebreak.views.testing.Topologies;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Switching topology loads the new session off the FX thread: while it loads (here: held until the test lets it
 * go, as a large topology or a slow file would) the window keeps pulsing and answering, the old session keeps
 * running, and the toolbar says what is loading.
 */
@ExtendWith(ApplicationExtension.class)
class TopologySwitchTests {

    private static final String SHOP = "Shop";
    private static final String SLOW = "Slow to load";
    private static final String BROKEN = "Broken file";

    private final CountDownLatch release = new CountDownLatch(1);
    private ShownConsole<ScriptedSession> console;

    /** The longest time between two FX pulses while it runs. */
    private static final class PulseGaps extends AnimationTimer {
        private long last;
        private long longest;

        @Override
        public void handle(long now) {
            if (last != 0) {
                longest = Math.max(longest, now - last);
            }
            last = now;
        }

        double longestMillis() {
            return longest / 1e6;
        }

        /** Stops measuring for work the test itself puts on the FX thread, and picks up again afterwards. */
        void without(Runnable fxWork) {
            stop();
            fxWork.run();
            last = 0;
            start();
        }
    }

    @Start
    void start(Stage stage) {
        Map<String, Supplier<Topology>> topologies = new LinkedHashMap<>();
        topologies.put(SHOP, Topologies::shop);
        topologies.put(SLOW, () -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Topologies.shop();
        });
        topologies.put(BROKEN, () -> {
            throw new IllegalStateException("mine.yaml:3: components[0].id: missing");
        });
        console = ShownConsole.of(stage, topologies, SHOP, (topology, seed, speed) -> new ScriptedSession(topology, seed));
    }

    @AfterEach
    void letAnyLoadFinish() {
        release.countDown();
    }

    private void awaitSwitchDone() throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !console.viewModel().switchingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void fxThreadKeepsPulsingWhileTheNewSessionLoads(FxRobot robot) throws Exception {
        PulseGaps gaps = new PulseGaps();
        robot.interact(gaps::start);
        ScriptedSession before = console.session();

        robot.interact(() -> console.viewModel().selectTopology(SLOW));

        for (int i = 0; i < 20; i++) {
            // each waits for the FX thread: with the load on it, the first would never return
            WaitForAsyncUtils.asyncFx(() -> console.viewModel().refreshNow()).get(2, TimeUnit.SECONDS);
        }
        assertThat(console.viewModel().switchingProperty().get()).isTrue();
        assertThat(console.viewModel().busyTitleProperty().get()).contains("Starting " + SLOW);
        assertThat(robot.lookup("#busy-indicator").query().isVisible()).isTrue();
        assertThat(console.session()).isSameAs(before);
        assertThat(before.isClosed()).isFalse();
        // writing the PNG (snapshot and encoding, hundreds of ms on a busy machine) runs on the FX thread: not the load's
        console.settle(robot);
        robot.interact(() -> gaps.without(() -> dev.firebreak.views.fx.Screenshots.write(console.stage().getScene(),
                "topology-switch-loading")));

        release.countDown();
        awaitSwitchDone();
        robot.interact(gaps::stop);

        assertThat(console.session()).isNotSameAs(before);
        assertThat(console.viewModel().topologyNameProperty().get()).isEqualTo(SLOW);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, before::isClosed);
        // pulses come every ~16 ms; a load on the FX thread would stretch one gap to the whole load
        assertThat(gaps.longestMillis()).isLessThan(500);
    }

    @Test
    void secondSwitchWhileOneLoadsIsRefusedWithAMessage(FxRobot robot) throws Exception {
        robot.interact(() -> console.viewModel().selectTopology(SLOW));

        robot.interact(() -> console.viewModel().selectTopology(BROKEN));

        assertThat(console.viewModel().messageProperty().get()).startsWith("Still starting " + SLOW);
        release.countDown();
        awaitSwitchDone();
        assertThat(console.viewModel().topologyNameProperty().get()).isEqualTo(SLOW);
    }

    @Test
    void failedLoadKeepsTheRunningSessionAndSaysWhy(FxRobot robot) throws Exception {
        ScriptedSession before = console.session();

        robot.interact(() -> console.viewModel().selectTopology(BROKEN));
        awaitSwitchDone();

        assertThat(console.session()).isSameAs(before);
        assertThat(before.isClosed()).isFalse();
        assertThat(console.viewModel().topologyNameProperty().get()).isEqualTo(SHOP);
        assertThat(console.viewModel().messageProperty().get())
                .isEqualTo("Could not start " + BROKEN + ": mine.yaml:3: components[0].id: missing");
    }
}
