package dev.firebreak.views.session;

import dev.firebreak.engine.change.ChangeEvent;
import dev.firebreak.engine.detect.composite.CompositeConfig;
import dev.firebreak.engine.detect.config.DetectionConfig;
import dev.firebreak.engine.detect.config.MetricDetectionConfig;
import dev.firebreak.engine.detect.history.DetectionHistory;
import dev.firebreak.engine.event.EventBus;
import dev.firebreak.engine.fault.ActiveFault;
import dev.firebreak.engine.fault.FaultInjector;
import dev.firebreak.engine.health.HealthState;
import dev.firebreak.engine.predict.ForecastEngineConfig;
import dev.firebreak.engine.predict.SeriesOutlook;
import dev.firebreak.engine.telemetry.MetricName;
import dev.firebreak.engine.telemetry.MetricStore;
import dev.firebreak.engine.telemetry.SeriesKey;
import dev.firebreak.engine.time.SimulationClock;
import dev.firebreak.engine.topology.Topology;
import java.util.List;
import java.util.Optional;

/**
 * What the console's screens need from a running system: its topology, telemetry, events, health,
 * faults and the play/pause/speed controls. The simulator's session is adapted to it (see
 * {@link SimulatedSession}); keeping the screens on this narrow port is what lets view-models be
 * tested without the toolkit and keeps them off the simulator's internals.
 *
 * <p>Every method may be called from any thread. Events on {@link #events()} arrive on the engine's
 * thread; view-models hand them to the FX thread themselves.
 */
public interface ConsoleSession extends AutoCloseable {

    Topology topology();

    MetricStore store();

    EventBus events();

    SimulationClock clock();

    FaultInjector faults();

    HealthState health(int componentIndex);

    /** A copy of every component's state, indexed like the topology. */
    HealthState[] healthSnapshot();

    /** Store handle of a component's metric, or -1 if that component does not report it. */
    int seriesHandle(int componentIndex, MetricName metric);

    /** Changes (deployments, rollbacks...) made to a component so far, oldest first. */
    List<ChangeEvent> changes(String componentId);

    /** Faults scheduled or acting on a component (as target or peer). */
    List<ActiveFault> faultsOn(String componentId);

    /** Expected bands, scores and explained anomaly markers of the recent past, from the detection that gives health. */
    DetectionHistory detectionHistory();

    /** The detection settings in force (including those applied since the last tick). */
    DetectionConfig detectionConfig();

    /**
     * Applies new detectors for a metric kind, and how scores combine (for every metric), to the running
     * detection; both take effect at the next tick.
     */
    void configureDetection(MetricName metric, MetricDetectionConfig detectors, CompositeConfig composite);

    /** The latest forecast of a series, empty if it has no breach threshold or its model is not ready yet. */
    Optional<SeriesOutlook> forecast(SeriesKey key);

    /** The forecasting settings: horizon, step and the breach thresholds per metric. */
    ForecastEngineConfig forecastConfig();

    void pause();

    void resume();

    boolean isPaused();

    /** Simulated seconds per wall-clock second. */
    void setSpeed(double speed);

    double speed();

    @Override
    void close();
}
