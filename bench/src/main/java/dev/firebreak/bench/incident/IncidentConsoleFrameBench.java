package dev.firebreak.bench.incident;

import atlantafx.base.theme.PrimerLight;
import dev.firebreak.app.assembly.ConsoleSessions;
import dev.firebreak.app.assembly.EnginePorts;
import dev.firebreak.app.assembly.EngineSession;
import dev.firebreak.bench.FrameTimes;
import dev.firebreak.engine.detect.config.DetectionConfig;
import dev.firebreak.engine.incident.Alert;
import dev.firebreak.engine.incident.Incident;
import dev.firebreak.engine.incident.IncidentService;
import dev.firebreak.engine.incident.IncidentStore;
import dev.firebreak.engine.notify.NotificationConfig;
import dev.firebreak.engine.rca.FeedbackStore;
import dev.firebreak.engine.store.Database;
import dev.firebreak.engine.store.TemporaryDirectory;
import dev.firebreak.engine.topology.Topology;
import dev.firebreak.engine.topology.TopologyGenerator;
import dev.firebreak.styles.Styles;
import dev.firebreak.views.healthmap.HealthMapView;
import dev.firebreak.views.healthmap.HealthMapViewModel;
import dev.firebreak.views.incident.IncidentsView;
import dev.firebreak.views.incident.IncidentsViewModel;
import dev.firebreak.views.session.ConsoleSession;
import dev.firebreak.views.task.UiTaskExecutor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.stage.Stage;

/**
 * The console under the incident load of issue 12: 1,000 alerts a second into the intake of a running console
 * session (2,000 generated components, detection and checks running, incidents in H2 on disk), while the health
 * map and the incidents screen (the newest incident open, its timeline live) are on screen. Frame cost is measured
 * as in {@code HealthMapFrameBench}: with {@code javafx.animation.fullspeed=true} the interval between two pulses is
 * one frame. Frames over 100 ms are printed as they happen, warm-up included.
 *
 * <p>The alerts come from a load thread in batches of a tenth of a second, as an external source (Alertmanager,
 * a later issue) would hand them over; the simulator's own alerts keep arriving on its thread at the same time.
 *
 * <pre>
 * java -cp bench/target/classes:$(cat /tmp/bench-cp.txt) dev.firebreak.bench.incident.IncidentConsoleFrameBench [seconds=60] [rate=1000]
 * </pre>
 */
public final class IncidentConsoleFrameBench {

    private static final int COMPONENTS = 2000;
    private static final int FAULTS = 12;
    /** Long enough for the first incident to open and its view to be built (a cold build is printed, not counted). */
    private static final int WARMUP_SECONDS = 10;
    private static final int BATCHES_PER_SECOND = 10;
    private static final CountDownLatch DONE = new CountDownLatch(1);

    private static int runSeconds = 60;
    private static int rate = 1000;

    private final long[] frames = new long[4_000_000];
    private int frameCount;
    private final AtomicLong sent = new AtomicLong();
    /** CPU the FX thread, and the whole process, used while measured: what the console costs, whatever else runs. */
    private long fxCpuStart = -1;
    private long fxCpuEnd;
    private long processCpuStart;
    private long processCpuEnd;
    private long measuredNanos;

    private IncidentConsoleFrameBench() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length > 0) {
            runSeconds = Integer.parseInt(args[0]);
        }
        if (args.length > 1) {
            rate = Integer.parseInt(args[1]);
        }
        FrameTimes.configureToolkit();
        Platform.startup(() -> {
            try {
                new IncidentConsoleFrameBench().start(new Stage());
            } catch (Exception e) {
                e.printStackTrace();
                System.exit(3);
            }
        });
        if (!DONE.await(runSeconds + 120L, TimeUnit.SECONDS)) {
            System.err.println("benchmark did not finish in time");
            System.exit(2);
        }
        System.exit(0);
    }

    private void start(Stage stage) throws Exception {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Topology topology = TopologyGenerator.generate(COMPONENTS, 42);
        Path dir = TemporaryDirectory.create("firebreak-frames");
        Database database = Database.openFile(dir);
        // incidents and verdicts in H2, as the console keeps them
        EngineSession engine = ConsoleSessions.running(DetectionConfig::ofDefaults, IncidentStore.in(database),
                NotificationConfig.none()).withVerdicts(FeedbackStore.in(database)).assemble(topology, 11, 1);
        ConsoleSession session = EnginePorts.of(engine);
        HealthMapViewModel map = new HealthMapViewModel(session.telemetry(), session.status());
        // as the console: the open incident's timeline is read and checked on a task thread, applied on the FX thread
        UiTaskExecutor tasks = new UiTaskExecutor();
        IncidentsViewModel incidents = new IncidentsViewModel(session, new SimpleStringProperty("bench"), name -> true,
                component -> { }, tasks);
        SplitPane screen = new SplitPane(new HealthMapView(map), new IncidentsView(incidents));
        screen.getStylesheets().add(Styles.STYLESHEET);
        stage.setScene(new Scene(screen, 1440, 900));
        stage.show();
        map.start();
        incidents.start();
        // as a person would: the first incident is opened and stays on screen while the list and its timeline grow
        incidents.latestOpenedProperty().addListener((obs, old, now) -> {
            if (incidents.selectedIdProperty().get() == null) {
                incidents.open(now.id());
            }
        });

        Thread load = Thread.ofPlatform().daemon().name("bench-alerts").start(() -> pump(engine.incidents(), topology, engine));
        long startNanos = System.nanoTime();
        new AnimationTimer() {
            private long previous = -1;

            @Override
            public void handle(long ignored) {
                long now = System.nanoTime();
                long elapsed = now - startNanos;
                if (fxCpuStart < 0 && elapsed > TimeUnit.SECONDS.toNanos(WARMUP_SECONDS)) {
                    fxCpuStart = threadCpu();
                    processCpuStart = processCpu();
                    measuredNanos = now;
                }
                if (previous >= 0 && elapsed > TimeUnit.SECONDS.toNanos(WARMUP_SECONDS) && frameCount < frames.length) {
                    frames[frameCount++] = now - previous;
                    if (now - previous > 100_000_000L) {
                        System.out.printf(Locale.ROOT, "long frame: %.0f ms ending at %s%n", (now - previous) / 1e6,
                                java.time.LocalTime.now());
                    }
                }
                previous = now;
                if (elapsed > TimeUnit.SECONDS.toNanos(WARMUP_SECONDS + runSeconds)) {
                    stop();
                    fxCpuEnd = threadCpu();
                    processCpuEnd = processCpu();
                    measuredNanos = now - measuredNanos;
                    load.interrupt();
                    report(engine.incidents());
                    tasks.close();
                    engine.close();
                    database.close();
                    Platform.exit();
                    DONE.countDown();
                }
            }
        }.start();
    }

    /** {@link #rate} alerts a second from faults far apart, in tenth-of-a-second batches on wall-clock time. */
    private void pump(IncidentService intake, Topology topology, EngineSession engine) {
        int[] origins = IncidentLoad.farApart(topology, FAULTS, new SplittableRandom(3));
        SplittableRandom random = new SplittableRandom(11);
        int perBatch = rate / BATCHES_PER_SECOND;
        long next = System.nanoTime();
        while (!Thread.currentThread().isInterrupted()) {
            List<Alert> batch = new ArrayList<>(perBatch);
            for (int n = 0; n < perBatch; n++) {
                batch.add(IncidentLoad.alert(topology, origins[random.nextInt(origins.length)], random, engine.clock().instant()));
            }
            intake.acceptAll(batch);
            sent.addAndGet(perBatch);
            next += 1_000_000_000L / BATCHES_PER_SECOND;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
        }
    }

    private void report(IncidentService intake) {
        long[] all = Arrays.copyOf(frames, frameCount);
        List<Incident> open = intake.incidents().stream().filter(i -> i.state().isOpen()).toList();
        java.util.Map<dev.firebreak.engine.incident.IncidentState, Long> byState = intake.incidents().stream()
                .collect(java.util.stream.Collectors.groupingBy(Incident::state, java.util.TreeMap::new,
                        java.util.stream.Collectors.counting()));
        boolean intact = intake.incidents().stream().allMatch(i -> intake.verify(i.id()).intact());
        System.out.printf(Locale.ROOT, "Health map + incidents screen, %d components, %d alerts/s from %d faults, %d s measured%n",
                COMPONENTS, rate, FAULTS, runSeconds);
        System.out.printf(Locale.ROOT, "sent %d alerts, intake received %d (the simulator's own included); %d incident(s), %d open; "
                + "timelines intact: %s; by state %s%n", sent.get(), intake.alertsReceived(), intake.incidents().size(), open.size(), intact,
                byState);
        FrameTimes.print("all frames", all);
        System.out.printf(Locale.ROOT, "CPU while measured: FX thread %.1f s (%.0f ms a second), whole process %.1f s of %.1f s "
                + "(%.2f cores of %d)%n", (fxCpuEnd - fxCpuStart) / 1e9, (fxCpuEnd - fxCpuStart) / (measuredNanos / 1e9) / 1e6,
                (processCpuEnd - processCpuStart) / 1e9, measuredNanos / 1e9, (processCpuEnd - processCpuStart) / (double) measuredNanos,
                Runtime.getRuntime().availableProcessors());
    }

    private static long threadCpu() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
