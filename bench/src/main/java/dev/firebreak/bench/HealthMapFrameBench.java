package dev.firebreak.bench;

import atlantafx.base.theme.PrimerLight;
import dev.firebreak.engine.fault.FaultSpec;
import dev.firebreak.engine.fault.FaultType;
import dev.firebreak.engine.topology.Topology;
import dev.firebreak.engine.topology.TopologyGenerator;
import dev.firebreak.styles.Styles;
import dev.firebreak.views.healthmap.HealthMapView;
import dev.firebreak.views.healthmap.HealthMapViewModel;
import dev.firebreak.views.session.ConsoleSession;
import dev.firebreak.app.assembly.ConsoleSessions;
import dev.firebreak.engine.detect.config.DetectionConfig;
import dev.firebreak.engine.incident.IncidentStore;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Frame cost of the health map with 2,000 components updating live.
 *
 * <p>Method: the real simulator runs the synthetic 2,000-component topology at 4 simulated seconds
 * per second (so states and metrics change 4 times a second), with faults injected every few seconds
 * so states keep changing. JavaFX runs with {@code javafx.animation.fullspeed=true}: pulses follow
 * each other as fast as the FX thread and the renderer allow, so the interval between two pulses (an
 * AnimationTimer's wall-clock timestamps) is the cost of one frame: CSS, layout, canvas drawing and
 * rendering. Frames in which the health map applied an engine update are reported separately, since
 * most frames have nothing to redraw. The first 3 s are warm-up and not counted.
 *
 * <p>Run headless (Monocle, software pipeline) or under xvfb-run; see bench/README.md.
 */
public final class HealthMapFrameBench {

    private static final int COMPONENTS = 2000;
    private static final double SPEED = 4;
    private static int runSeconds = 30;
    private static final int WARMUP_SECONDS = 3;
    private static final CountDownLatch DONE = new CountDownLatch(1);

    private final long[] frames = new long[2_000_000];
    private final boolean[] updateFrame = new boolean[2_000_000];
    private int frameCount;
    private volatile boolean updated;

    public static void main(String[] args) throws InterruptedException {
        if (args.length > 0) {
            runSeconds = Integer.parseInt(args[0]);
        }
        FrameTimes.configureToolkit();
        // Not an Application subclass: the java launcher refuses those when JavaFX is on the class path.
        Platform.startup(() -> new HealthMapFrameBench().start(new Stage()));
        if (!DONE.await(runSeconds + 60L, TimeUnit.SECONDS)) {
            System.err.println("benchmark did not finish in time");
            System.exit(2);
        }
        System.exit(0);
    }

    private void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Topology topology = TopologyGenerator.generate(COMPONENTS, 11);
        ConsoleSession session = ConsoleSessions.running(DetectionConfig::ofDefaults, IncidentStore.inMemory(),
                dev.firebreak.engine.notify.NotificationConfig.none()).start(topology, 11, SPEED);
        HealthMapViewModel viewModel = new HealthMapViewModel(session.telemetry(), session.status());
        HealthMapView view = new HealthMapView(viewModel);
        view.getStylesheets().add(Styles.STYLESHEET);
        viewModel.revisionProperty().addListener((obs, old, now) -> updated = true);
        stage.setScene(new Scene(view, 1440, 900));
        stage.show();
        viewModel.start();

        SplittableRandom random = new SplittableRandom(5);
        FaultType[] types = {FaultType.INSTANCE_KILL, FaultType.LATENCY, FaultType.CPU_PRESSURE, FaultType.CONFIG_ERROR};
        Thread chaos = Thread.ofPlatform().daemon().name("bench-chaos").start(() -> {
            // Faults keep states moving for the whole run; they take effect at the simulator's next step.
            for (int i = 0; i < runSeconds * 2; i++) {
                FaultType type = types[i % types.length];
                String target = topology.component(random.nextInt(topology.size())).id();
                double magnitude = type == FaultType.INSTANCE_KILL ? 1 : type.defaultMagnitude();
                session.faultControl().faults().inject(new FaultSpec(type, target, Optional.empty(), magnitude,
                        session.telemetry().clock().instant(), Duration.ofSeconds(20 + random.nextInt(40))));
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });

        long startNanos = System.nanoTime();
        new AnimationTimer() {
            private long previous = -1;
            private boolean previousWasUpdate;

            @Override
            public void handle(long ignored) {
                long now = System.nanoTime();
                long elapsed = now - startNanos;
                if (previous >= 0 && elapsed > TimeUnit.SECONDS.toNanos(WARMUP_SECONDS) && frameCount < frames.length) {
                    frames[frameCount] = now - previous;
                    updateFrame[frameCount] = previousWasUpdate;
                    frameCount++;
                }
                previousWasUpdate = updated;
                updated = false;
                previous = now;
                if (elapsed > TimeUnit.SECONDS.toNanos(WARMUP_SECONDS + runSeconds)) {
                    stop();
                    chaos.interrupt();
                    report(session, viewModel);
                    session.close();
                    Platform.exit();
                    DONE.countDown();
                }
            }
        }.start();
    }

    private void report(ConsoleSession session, HealthMapViewModel viewModel) {
        long[] all = Arrays.copyOf(frames, frameCount);
        long[] updates = new long[frameCount];
        int u = 0;
        for (int i = 0; i < frameCount; i++) {
            if (updateFrame[i]) {
                updates[u++] = frames[i];
            }
        }
        updates = Arrays.copyOf(updates, u);
        System.out.printf(Locale.ROOT, "Health map, %d components, dense canvas, %.0f updates/s, %d s measured%n",
                COMPONENTS, SPEED, runSeconds);
        System.out.printf(Locale.ROOT, "final states: %s%n", viewModel.summaryProperty().get());
        FrameTimes.print("all frames", all);
        FrameTimes.print("frames applying an update", updates);
    }
}
