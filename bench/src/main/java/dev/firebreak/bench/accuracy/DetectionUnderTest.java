package dev.firebreak.bench.accuracy;

import dev.firebreak.engine.event.EventBus;
import dev.firebreak.engine.sim.Simulator;
import dev.firebreak.engine.telemetry.MetricStore;
import java.util.function.Consumer;

/**
 * The detection being measured. The harness builds a fresh simulator per run and calls
 * {@link #attach} once before the first step; the detection then reports every detection it makes to
 * the sink, on the simulator's thread, while the harness steps the simulator.
 *
 * <p>To measure the detection engine, implement this by building the engine over the given store and
 * bus and forwarding its {@code AnomalyDetected} events to the sink (see DetectionAccuracy's
 * {@code DETECTIONS} map).
 */
public interface DetectionUnderTest {

    /** Short name for reports and the --detector option. */
    String name();

    /** Wires the detection into a fresh simulation; called once, before the first step. */
    void attach(Simulator simulator, EventBus bus, MetricStore store, Consumer<DetectionRecord> sink);

    /**
     * Reports every change of component health this detection drives, on the simulator's thread; called
     * once after {@link #attach}. Returns whether this detection drives health at all; one that does not
     * (the default) gets no health figures.
     */
    default boolean observeHealth(EventBus bus, Consumer<HealthRecord> sink) {
        return false;
    }
}
