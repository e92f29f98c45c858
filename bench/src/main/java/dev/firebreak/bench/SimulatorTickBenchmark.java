package dev.firebreak.bench;

import dev.firebreak.engine.assess.ComponentHealth;
import dev.firebreak.engine.check.CheckPolicies;
import dev.firebreak.engine.check.ComponentSignals;
import dev.firebreak.engine.check.HealthCheckScheduler;
import dev.firebreak.engine.check.SimulatedProbes;
import dev.firebreak.engine.check.TickTaskScheduler;
import dev.firebreak.engine.event.EventBus;
import dev.firebreak.engine.sim.SimulatedConditionChanged;
import dev.firebreak.engine.sim.SimulationConfig;
import dev.firebreak.engine.sim.Simulator;
import dev.firebreak.engine.telemetry.MetricStore;
import dev.firebreak.engine.telemetry.MetricStores;
import dev.firebreak.engine.telemetry.MetricsTicked;
import dev.firebreak.engine.telemetry.StoreRetention;
import dev.firebreak.engine.time.SimulationClock;
import dev.firebreak.engine.topology.Topology;
import dev.firebreak.engine.topology.TopologyGenerator;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Cost of one simulated second: one {@link Simulator#step()} over a synthetic topology, with every
 * series appended to the real store and the event bus delivering to subscribers (as in the console).
 * The simulator is warmed up for a simulated hour first, so the store's rings are in steady state.
 * With {@code checks=true} the console's simulated health checks run too (four checks a component on simulated
 * time, shallow every 10 s and deep every minute, as {@code EngineSession} builds them) with the combined health
 * listening: their cost is averaged over the seconds, though it falls on one second in ten.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SimulatorTickBenchmark {

    @Param({"2000"})
    int components;

    @Param({"false", "true"})
    boolean checks;

    private Simulator simulator;
    private long ticks;
    private long healthChanges;

    @Setup(Level.Trial)
    public void warmUpOneSimulatedHour() {
        Topology topology = TopologyGenerator.generate(components, 42);
        SimulationConfig config = SimulationConfig.defaults(42);
        MetricStore store = MetricStores.inMemory(StoreRetention.DEFAULT);
        EventBus bus = new EventBus();
        bus.subscribe(MetricsTicked.class, tick -> ticks++);
        bus.subscribe(SimulatedConditionChanged.class, change -> healthChanges++);
        SimulationClock clock = new SimulationClock(config.start());
        simulator = new Simulator(topology, config, store, bus, clock);
        if (checks) {
            TickTaskScheduler tasks = TickTaskScheduler.attach(bus, clock);
            HealthCheckScheduler scheduler = new HealthCheckScheduler(
                    SimulatedProbes.defaultChecks(ComponentSignals.of(simulator, store), topology), CheckPolicies.defaults(),
                    tasks, clock, bus);
            ComponentHealth.attach(topology, bus);
            scheduler.start();
        }
        for (int i = 0; i < 3600; i++) {
            simulator.step();
        }
    }

    /** One simulated second. */
    @Benchmark
    public void step(Blackhole blackhole) {
        simulator.step();
        blackhole.consume(ticks);
    }
}
