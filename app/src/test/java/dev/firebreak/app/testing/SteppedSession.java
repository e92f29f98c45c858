package dev.firebreak.app.testing;

import dev.firebreak.app.assembly.ConsoleSessions;
import dev.firebreak.app.assembly.EnginePorts;
import dev.firebreak.app.assembly.EngineSession;
import dev.firebreak.engine.detect.config.DetectionConfig;
import dev.firebreak.engine.detect.history.DetectionHistory;
import dev.firebreak.engine.fault.FaultInjector;
import dev.firebreak.engine.health.HealthState;
import dev.firebreak.engine.predict.SeriesOutlook;
import dev.firebreak.engine.telemetry.SeriesKey;
import dev.firebreak.engine.time.SimulationClock;
import dev.firebreak.engine.topology.Topology;
import dev.firebreak.views.session.ConsoleSession;
import dev.firebreak.views.session.DetectionSettings;
import dev.firebreak.views.session.FaultControl;
import dev.firebreak.views.session.Forecasts;
import dev.firebreak.views.session.HealthStatus;
import dev.firebreak.views.session.IncidentDesk;
import dev.firebreak.views.session.SessionPorts;
import dev.firebreak.views.session.SimulationControl;
import dev.firebreak.views.session.Telemetry;
import java.util.Optional;

/**
 * A console session assembled by the real composition root with its runner paused: time moves only when a test
 * calls {@link #advance}, so tests of the console on the real engine are deterministic.
 */
public final class SteppedSession implements ConsoleSession {

    private final EngineSession engine;
    private final SessionPorts ports;

    private SteppedSession(EngineSession engine) {
        this(engine, EnginePorts.of(engine));
    }

    private SteppedSession(EngineSession engine, SessionPorts ports) {
        this.engine = engine;
        this.ports = ports;
    }

    public static SteppedSession start(Topology topology, long seed, double speed) {
        return new SteppedSession(ConsoleSessions.paused(DetectionConfig::ofDefaults).assemble(topology, seed, speed));
    }

    /** As {@link #start}, with incident notifications going to {@code notifications}. */
    public static SteppedSession start(Topology topology, long seed, double speed,
            dev.firebreak.engine.notify.NotificationConfig notifications) {
        return new SteppedSession(ConsoleSessions.paused(DetectionConfig::ofDefaults, notifications)
                .assemble(topology, seed, speed));
    }

    /** As {@link #start}, healing starting in {@code mode}; the mode a person picks is kept as the console keeps it. */
    public static SteppedSession start(Topology topology, long seed, double speed, dev.firebreak.engine.heal.HealingMode mode) {
        dev.firebreak.views.shell.Preference saved = dev.firebreak.views.shell.Preference.inMemory(mode.name());
        EngineSession engine = ConsoleSessions.paused(DetectionConfig::ofDefaults).withHealingMode(saved)
                .assemble(topology, seed, speed);
        return new SteppedSession(engine, EnginePorts.of(engine,
                dev.firebreak.app.assembly.HealingSettings.inMemory().withMode(saved)));
    }

    /** Advances the simulator by whole simulated seconds on the test's thread. */
    public void advance(int seconds) {
        for (int i = 0; i < seconds; i++) {
            engine.step();
        }
    }

    public EngineSession engine() {
        return engine;
    }

    public Topology topology() {
        return engine.topology();
    }

    public SimulationClock clock() {
        return engine.clock();
    }

    public FaultInjector faults() {
        return engine.simulator();
    }

    public HealthState health(int componentIndex) {
        return ports.status().health(componentIndex);
    }

    public DetectionHistory detectionHistory() {
        return engine.history();
    }

    public Optional<SeriesOutlook> forecast(SeriesKey key) {
        return engine.forecasts().outlook(key);
    }

    @Override public Telemetry telemetry() { return ports.telemetry(); }
    @Override public HealthStatus status() { return ports.status(); }
    @Override public FaultControl faultControl() { return ports.faultControl(); }
    @Override public DetectionSettings detection() { return ports.detection(); }
    @Override public Forecasts forecasts() { return ports.forecasts(); }
    @Override public SimulationControl control() { return ports.control(); }
    @Override public dev.firebreak.views.session.RootCauses rootCauses() { return ports.rootCauses(); }
    @Override public IncidentDesk incidents() { return ports.incidents(); }
    @Override public dev.firebreak.views.session.RunbookDesk runbooks() { return ports.runbooks(); }
    @Override public dev.firebreak.views.session.HealingDesk healing() { return ports.healing(); }
    @Override public void close() { ports.close(); }
}
