package dev.firebreak.views.session;

import dev.firebreak.engine.event.EventBus;
import dev.firebreak.engine.telemetry.MetricName;
import dev.firebreak.engine.telemetry.MetricStore;
import dev.firebreak.engine.time.SimulationClock;
import dev.firebreak.engine.topology.Topology;

/** What is running and what it measures: topology, metric store, the engine's events and its clock. */
public interface Telemetry {

    Topology topology();

    MetricStore store();

    /** Engine events; they arrive on the engine's thread and view-models hand them to the FX thread themselves. */
    EventBus events();

    SimulationClock clock();

    /** Store handle of a component's metric, or -1 if that component does not report it. */
    int seriesHandle(int componentIndex, MetricName metric);
}
