package dev.firebreak.engine.sim;

import dev.firebreak.engine.lifecycle.EngineService;
import dev.firebreak.engine.event.EventBus;
import dev.firebreak.engine.telemetry.MetricStore;
import dev.firebreak.engine.telemetry.MetricStores;
import dev.firebreak.engine.telemetry.StoreRetention;
import dev.firebreak.engine.time.SimulationClock;
import dev.firebreak.engine.topology.Topology;
import java.util.Objects;

/**
 * One running simulation and everything that belongs to it: its clock, store, event bus, simulator
 * and the runner that paces it. The console holds one session at a time and replaces it when the
 * person picks another topology or seed.
 */
@EngineService
public final class SimulationSession implements AutoCloseable {

    private final Topology topology;
    private final SimulationClock clock;
    private final MetricStore store;
    private final EventBus events;
    private final Simulator simulator;
    private final SimulationRunner runner;

    private SimulationSession(Topology topology, SimulationConfig config, double speed) {
        this.topology = Objects.requireNonNull(topology, "topology");
        this.clock = new SimulationClock(config.start());
        this.store = MetricStores.inMemory(StoreRetention.DEFAULT);
        this.events = new EventBus();
        this.simulator = new Simulator(topology, config, store, events, clock);
        this.runner = new SimulationRunner(simulator, speed);
    }

    /** Builds a session whose runner is created but not started; call {@code runner().start()}. */
    public static SimulationSession create(Topology topology, SimulationConfig config, double speed) {
        return new SimulationSession(topology, config, speed);
    }

    /** Builds a session and starts its runner at the given speed. */
    public static SimulationSession start(Topology topology, SimulationConfig config, double speed) {
        SimulationSession session = new SimulationSession(topology, config, speed);
        session.runner.start();
        return session;
    }

    public Topology topology() {
        return topology;
    }

    public SimulationClock clock() {
        return clock;
    }

    public MetricStore store() {
        return store;
    }

    /** Each call's failed share, as a service mesh would report it. */
    public dev.firebreak.engine.telemetry.CallTelemetry calls() {
        return simulator.calls();
    }

    public EventBus events() {
        return events;
    }

    public Simulator simulator() {
        return simulator;
    }

    public SimulationRunner runner() {
        return runner;
    }

    public SimulationConfig config() {
        return simulator.config();
    }

    @Override
    public void close() {
        runner.close();
    }
}
