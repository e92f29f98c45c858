package dev.firebreak.engine.check.internal;

import dev.firebreak.engine.check.ComponentSignals;
import dev.firebreak.engine.check.Instances;
import dev.firebreak.engine.health.HealthState;
import dev.firebreak.engine.sim.Simulator;
import dev.firebreak.engine.telemetry.MetricName;
import dev.firebreak.engine.telemetry.MetricStore;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * {@link ComponentSignals} over the simulator: health from {@link Simulator#health}, instances from
 * {@link Simulator#instancesServing}, samples from the store.
 */
public final class SimulatorSignals implements ComponentSignals {

    private final Simulator simulator;
    private final MetricStore store;

    public SimulatorSignals(Simulator simulator, MetricStore store) {
        this.simulator = Objects.requireNonNull(simulator, "simulator");
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public OptionalDouble latest(String componentId, MetricName metric) {
        int index = simulator.topology().indexOf(componentId);
        if (index < 0) {
            return OptionalDouble.empty();
        }
        int handle = simulator.seriesHandle(index, metric);
        double value = handle < 0 ? Double.NaN : store.latest(handle);
        return Double.isNaN(value) ? OptionalDouble.empty() : OptionalDouble.of(value);
    }

    @Override
    public Optional<Instances> instances(String componentId) {
        int index = simulator.topology().indexOf(componentId);
        return index < 0 ? Optional.empty()
                : Optional.of(new Instances(simulator.instancesServing(index), simulator.instancesWanted(index)));
    }

    @Override
    public double[] recent(String componentId, MetricName metric, int seconds) {
        int index = simulator.topology().indexOf(componentId);
        int handle = index < 0 ? -1 : simulator.seriesHandle(index, metric);
        return handle < 0 ? new double[0] : store.recent(handle, seconds).values();
    }

    @Override
    public Optional<HealthState> health(String componentId) {
        int index = simulator.topology().indexOf(componentId);
        return index < 0 ? Optional.empty() : Optional.of(simulator.health(index));
    }
}
