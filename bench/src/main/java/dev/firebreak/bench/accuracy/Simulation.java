package dev.firebreak.bench.accuracy;

import dev.firebreak.engine.event.EventBus;
import dev.firebreak.engine.sim.SimulatedConditionChanged;
import dev.firebreak.engine.sim.SimulationConfig;
import dev.firebreak.engine.sim.Simulator;
import dev.firebreak.engine.telemetry.MetricStore;
import dev.firebreak.engine.telemetry.MetricStores;
import dev.firebreak.engine.time.SimulationClock;
import dev.firebreak.engine.topology.Topology;
import java.util.ArrayList;
import java.util.List;

/** A fresh simulator with the detection under test attached, collecting its detections. */
final class Simulation {

    final Simulator simulator;
    final MetricStore store;
    final List<DetectionRecord> detections = new ArrayList<>();
    final List<HealthRecord> healthChanges = new ArrayList<>();
    /** The simulator's own judgement of each component, as it changed: the ground truth of health. */
    final List<SimulatedConditionChanged> conditionChanges = new ArrayList<>();
    final boolean reportsHealth;

    Simulation(Topology topology, SimulationConfig config, DetectionUnderTest detection) {
        this.store = MetricStores.inMemory();
        EventBus bus = new EventBus();
        this.simulator = new Simulator(topology, config, store, bus, new SimulationClock(config.start()));
        bus.subscribe(SimulatedConditionChanged.class, conditionChanges::add);
        detection.attach(simulator, bus, store, detections::add);
        this.reportsHealth = detection.observeHealth(bus, healthChanges::add);
    }

    void run(long seconds) {
        for (long s = 0; s < seconds; s++) {
            simulator.step();
        }
    }
}
