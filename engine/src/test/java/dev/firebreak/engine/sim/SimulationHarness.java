package dev.firebreak.engine.sim;

import dev.firebreak.engine.event.EngineEvent;
import dev.firebreak.engine.event.EventBus;
import dev.firebreak.engine.telemetry.MetricName;
import dev.firebreak.engine.time.SimulationClock;
import dev.firebreak.engine.topology.Topology;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A simulator over the shop with an in-memory store and a recording bus, for tests. */
final class SimulationHarness {

    /** Monday 14:00 UTC: near the daily peak, so there is real load to disturb. */
    static final Instant AFTERNOON = Instant.parse("2026-11-02T14:00:00Z");

    final Topology topology;
    final ArrayMetricStore store = new ArrayMetricStore();
    final EventBus bus = new EventBus();
    final SimulationClock clock;
    final Simulator simulator;
    final List<EngineEvent> events = new ArrayList<>();

    SimulationHarness(SimulationConfig config) {
        this(ShopTopology.build(), config);
    }

    SimulationHarness(Topology topology, SimulationConfig config) {
        this.topology = topology;
        this.clock = new SimulationClock(config.start());
        bus.subscribe(EngineEvent.class, events::add);
        this.simulator = new Simulator(topology, config, store, bus, clock);
    }

    /** Quiet (no noise, bursts or deployments) shop in the afternoon. */
    static SimulationHarness quietAfternoon(long seed) {
        return new SimulationHarness(SimulationConfig.defaults(seed).withStart(AFTERNOON).quiet());
    }

    void run(int seconds) {
        for (int i = 0; i < seconds; i++) {
            simulator.step();
        }
    }

    double latest(String component, MetricName metric) {
        return store.latest(handle(component, metric));
    }

    /** Mean over the last {@code seconds} samples. */
    double mean(String component, MetricName metric, int seconds) {
        double[] values = store.recent(handle(component, metric), seconds).values();
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }

    double max(String component, MetricName metric, int seconds) {
        double max = Double.NEGATIVE_INFINITY;
        for (double value : store.recent(handle(component, metric), seconds).values()) {
            max = Math.max(max, value);
        }
        return max;
    }

    int handle(String component, MetricName metric) {
        int handle = simulator.seriesHandle(topology.indexOf(component), metric);
        if (handle < 0) {
            throw new IllegalArgumentException(component + " does not report " + metric);
        }
        return handle;
    }

    <E extends EngineEvent> List<E> eventsOf(Class<E> type) {
        List<E> result = new ArrayList<>();
        for (EngineEvent event : events) {
            if (type.isInstance(event)) {
                result.add(type.cast(event));
            }
        }
        return result;
    }

    int index(String component) {
        return topology.indexOf(component);
    }
}
