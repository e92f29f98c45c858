package dev.firebreak.engine.check;

import dev.firebreak.engine.check.internal.SimulatorSignals;
import dev.firebreak.engine.health.HealthState;
import dev.firebreak.engine.sim.Simulator;
import dev.firebreak.engine.telemetry.MetricName;
import dev.firebreak.engine.telemetry.MetricStore;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What simulated probes can see of a component: its latest signals and its simulated health. The
 * console implements it over the embedded simulator ({@link #of}); tests may implement it directly.
 */
public interface ComponentSignals {

    /** The newest sample of a component's metric, empty if it does not report it or has none yet. */
    OptionalDouble latest(String componentId, MetricName metric);

    /** The simulator's health of the component, empty for an unknown component. */
    Optional<HealthState> health(String componentId);

    /** How many of the component's instances serve, against how many it should have; empty if not known. */
    default Optional<Instances> instances(String componentId) {
        return Optional.empty();
    }

    /**
     * The last {@code seconds} of a component's metric, oldest first, one value per second (NaN where a sample
     * is missing); empty if it does not report the metric.
     */
    default double[] recent(String componentId, MetricName metric, int seconds) {
        return new double[0];
    }

    /** Signals read from a running simulator and its store. */
    static ComponentSignals of(Simulator simulator, MetricStore store) {
        return new SimulatorSignals(simulator, store);
    }
}
