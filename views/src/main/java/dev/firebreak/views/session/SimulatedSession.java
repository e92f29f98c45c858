package dev.firebreak.views.session;

import dev.firebreak.engine.change.ChangeEvent;
import dev.firebreak.engine.detect.DetectionConfig;
import dev.firebreak.engine.detect.DetectionEngine;
import dev.firebreak.engine.detect.DetectionHistory;
import dev.firebreak.engine.detect.LiveSeriesDetection;
import dev.firebreak.engine.detect.SeriesDetectionConfig;
import dev.firebreak.engine.detect.Severity;
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

/**
 * The console's view of a running {@link SimulationSession}: simulator, store, bus and runner, with
 * detection and forecasting attached to the session's bus and store. Health comes from the
 * {@link DetectionEngine} or the simulator's interim rule ({@link HealthSource}); the per-series bands, scores
 * and markers the charts draw, and the settings the console edits, come from {@link LiveSeriesDetection}.
 */
public final class SimulatedSession implements ConsoleSession {

    /** Up to this many components every series keeps its band and score history; beyond, only open ones. */
    public static final int FULL_HISTORY_MAX_COMPONENTS = 100;
    /** Detection history kept: the longest window a component chart spans. */
    public static final int HISTORY_SECONDS = 3600;

    private final SimulationSession session;
    private final Simulator simulator;
    private final DetectionHistory history;
    private final LiveSeriesDetection detection;
    private volatile DetectionEngine engine;
    private DetectionConfig engineConfig = DetectionConfig.ofDefaults();
    private final ForecastEngine forecasts;

    /** Where the console's health states come from. */
    public enum HealthSource {
        /** The simulator's interim signal rule (ADR 0006). */
        SIMULATOR_RULE,
        /** The {@link DetectionEngine}'s detected states. */
        DETECTION
    }

    /**
     * The health source sessions use unless told otherwise. The simulator's rule until the detection
     * engine (still being tuned) keeps a killed single instance failed; see {@link HealthSource}.
     */
    public static final HealthSource DEFAULT_HEALTH_SOURCE = HealthSource.SIMULATOR_RULE;

    private final HealthSource healthSource;

    public SimulatedSession(SimulationSession session) {
        this(session, DEFAULT_HEALTH_SOURCE);
    }

    public SimulatedSession(SimulationSession session, HealthSource healthSource) {
        this.session = Objects.requireNonNull(session, "session");
        this.healthSource = Objects.requireNonNull(healthSource, "healthSource");
        this.simulator = session.simulator();
        this.history = new DetectionHistory(HISTORY_SECONDS, Severity.MEDIUM,
                session.topology().size() <= FULL_HISTORY_MAX_COMPONENTS);
        this.engine = new DetectionEngine(session.topology(), session.store(), session.events(), engineConfig).start();
        this.detection = LiveSeriesDetection.attach(session.store(), session.events(), session.topology(), history);
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
    /** Detected health (see {@link DetectionEngine}) or the simulator's interim rule, per {@link HealthSource}. */
    @Override
    public HealthState health(int componentIndex) {
        return healthSource == HealthSource.DETECTION ? engine.state(componentIndex) : simulator.health(componentIndex);
    }

    @Override
    public HealthState[] healthSnapshot() {
        if (healthSource == HealthSource.SIMULATOR_RULE) {
            return simulator.healthSnapshot();
        }
        HealthState[] states = new HealthState[session.topology().size()];
        for (int i = 0; i < states.length; i++) {
            states[i] = engine.state(i);
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
    @Override public SeriesDetectionConfig detectionConfig(MetricName metric) { return detection.config(metric); }

    @Override
    public synchronized void configureDetection(MetricName metric, SeriesDetectionConfig config) {
        detection.configure(metric, config);
        // The detection engine's config is immutable: a fresh engine with the new settings replaces it
        // (it learns again from the next tick, so detected health restarts from healthy).
        engineConfig = config.applyTo(engineConfig, metric);
        DetectionEngine old = engine;
        engine = new DetectionEngine(session.topology(), session.store(), session.events(), engineConfig).start();
        old.close();
    }

    /** The configuration the detection engine runs with now. */
    public synchronized DetectionConfig detectionEngineConfig() {
        return engineConfig;
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
        engine.close();
    }
}
