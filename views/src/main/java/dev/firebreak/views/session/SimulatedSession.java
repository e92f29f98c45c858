package dev.firebreak.views.session;

import dev.firebreak.engine.change.ChangeEvent;
import dev.firebreak.engine.detect.DetectionEngine;
import dev.firebreak.engine.detect.Severity;
import dev.firebreak.engine.detect.composite.CompositeConfig;
import dev.firebreak.engine.detect.config.DetectionConfig;
import dev.firebreak.engine.detect.config.MetricDetectionConfig;
import dev.firebreak.engine.detect.history.DetectionHistory;
import dev.firebreak.engine.detect.ml.MlDetectors;
import dev.firebreak.engine.event.EventBus;
import dev.firebreak.engine.fault.ActiveFault;
import dev.firebreak.engine.fault.FaultInjector;
import dev.firebreak.engine.health.HealthState;
import dev.firebreak.engine.predict.ForecastEngine;
import dev.firebreak.engine.predict.ForecastEngineConfig;
import dev.firebreak.engine.predict.SeriesOutlook;
import dev.firebreak.engine.sim.SimulationConfig;
import dev.firebreak.engine.sim.SimulationSession;
import dev.firebreak.engine.sim.Simulator;
import dev.firebreak.engine.telemetry.MetricName;
import dev.firebreak.engine.telemetry.MetricStore;
import dev.firebreak.engine.telemetry.SeriesKey;
import dev.firebreak.engine.time.SimulationClock;
import dev.firebreak.engine.topology.Topology;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * The console's view of a running {@link SimulationSession}: simulator, store, bus and runner, with
 * detection and forecasting attached to the session's bus and store. One {@link DetectionEngine} gives
 * everything detection shows: component health, the composite scores forecasting ranks by, and the
 * per-series bands, scores and explained markers the charts draw; the settings screen reconfigures it live.
 */
public final class SimulatedSession implements ConsoleSession {

    /** Up to this many components every series keeps its band and score history; beyond, only open ones. */
    public static final int FULL_HISTORY_MAX_COMPONENTS = 100;
    /** Detection history kept: the longest window a component chart spans. */
    public static final int HISTORY_SECONDS = 3600;

    private final SimulationSession session;
    private final Simulator simulator;
    private final DetectionHistory history;
    private final DetectionEngine detection;
    /** Where the ML models refit, off the simulator thread that runs detection. */
    private final ExecutorService refits;
    private final ForecastEngine forecasts;

    public SimulatedSession(SimulationSession session) {
        this.session = Objects.requireNonNull(session, "session");
        this.simulator = session.simulator();
        this.history = new DetectionHistory(HISTORY_SECONDS, Severity.MEDIUM,
                session.topology().size() <= FULL_HISTORY_MAX_COMPONENTS);
        this.refits = MlDetectors.backgroundExecutor();
        this.detection = DetectionEngine.shipped(session.topology(), session.store(), session.events(), refits)
                .withHistory(history).start();
        this.forecasts = ForecastEngine.attach(session.store(), session.events(), session.topology(),
                ForecastEngineConfig.defaults(), detection::componentScore);
    }

    /** Sessions that start running at once, with the simulator's default configuration for the seed. */
    public static SessionFactory factory() {
        return (topology, seed, speed) -> new SimulatedSession(
                SimulationSession.start(topology, SimulationConfig.defaults(seed), speed));
    }

    /**
     * Sessions whose runner starts paused: nothing moves until someone presses play or steps the
     * simulator by hand. Tests and benchmarks use it to drive time deterministically.
     */
    public static SessionFactory pausedFactory() {
        return (topology, seed, speed) -> {
            SimulationSession session = SimulationSession.create(topology, SimulationConfig.defaults(seed), speed);
            session.runner().pause();
            session.runner().start();
            return new SimulatedSession(session);
        };
    }

    /** The simulator itself, for callers that step it by hand while the runner is paused. */
    public Simulator simulator() {
        return simulator;
    }

    @Override public Topology topology() { return session.topology(); }
    @Override public MetricStore store() { return session.store(); }
    @Override public EventBus events() { return session.events(); }
    @Override public SimulationClock clock() { return session.clock(); }
    @Override public FaultInjector faults() { return simulator; }
    /** The detected health (see {@link DetectionEngine}), not the simulator's interim rule. */
    @Override
    public HealthState health(int componentIndex) {
        return detection.state(componentIndex);
    }

    @Override
    public HealthState[] healthSnapshot() {
        HealthState[] states = new HealthState[session.topology().size()];
        for (int i = 0; i < states.length; i++) {
            states[i] = detection.state(i);
        }
        return states;
    }

    @Override
    public int seriesHandle(int componentIndex, MetricName metric) {
        return simulator.seriesHandle(componentIndex, metric);
    }

    @Override public List<ChangeEvent> changes(String componentId) { return simulator.changes(componentId); }
    @Override public List<ActiveFault> faultsOn(String componentId) { return simulator.faultsOn(componentId); }
    @Override public DetectionHistory detectionHistory() { return history; }
    @Override public DetectionConfig detectionConfig() { return detection.config(); }

    @Override
    public void configureDetection(MetricName metric, MetricDetectionConfig detectors, CompositeConfig composite) {
        detection.configure(metric, detectors);
        if (!composite.equals(detection.config().composite())) {
            detection.configure(composite);
        }
    }

    /** The detection engine itself, for tests and benchmarks that read its composite scores. */
    public DetectionEngine detection() {
        return detection;
    }

    @Override public Optional<SeriesOutlook> forecast(SeriesKey key) { return forecasts.outlook(key); }
    @Override public ForecastEngineConfig forecastConfig() { return forecasts.config(); }
    @Override public void pause() { session.runner().pause(); }
    @Override public void resume() { session.runner().resume(); }
    @Override public boolean isPaused() { return session.runner().isPaused(); }
    @Override public void setSpeed(double speed) { session.runner().setSpeed(speed); }
    @Override public double speed() { return session.runner().speed(); }

    @Override
    public void close() {
        session.close();
        forecasts.close();
        detection.close();
        refits.shutdownNow();
    }
}
