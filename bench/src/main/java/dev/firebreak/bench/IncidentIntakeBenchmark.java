package dev.firebreak.bench;

import dev.firebreak.engine.event.EventBus;
import dev.firebreak.engine.incident.Alert;
import dev.firebreak.engine.incident.AlertLevel;
import dev.firebreak.engine.incident.AlertSource;
import dev.firebreak.engine.incident.IncidentConfig;
import dev.firebreak.engine.incident.IncidentService;
import dev.firebreak.engine.incident.IncidentStore;
import dev.firebreak.engine.time.SimulationClock;
import dev.firebreak.engine.topology.Topology;
import dev.firebreak.engine.topology.TopologyGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Alert intake of the incident service on a 2,000-component topology: deduplication by fingerprint and grouping by
 * topology and time. Each invocation feeds a batch of {@value #BATCH} alerts from 40 simultaneous faults, each
 * alerting on its component and neighbours, firing, repeating and ending, so the mix holds new alerts that group
 * into an open incident, repeats that only count, and ends. Timelines go to the in-memory store (the console's H2
 * store is measured by the load command, not here). Reported as alerts per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class IncidentIntakeBenchmark {

    static final int BATCH = 10_000;

    @Param({"2000"})
    int components;

    private Alert[] alerts;
    private IncidentService service;
    private SimulationClock clock;
    private Topology topology;

    @Setup(Level.Trial)
    public void makeAlerts() {
        topology = TopologyGenerator.generate(components, 42);
        SplittableRandom random = new SplittableRandom(7);
        alerts = new Alert[BATCH];
        Instant at = Instant.parse("2026-11-02T00:00:00Z");
        int[] faults = random.ints(40, 0, components).toArray();
        for (int i = 0; i < BATCH; i++) {
            int origin = faults[random.nextInt(faults.length)];
            int[] near = topology.callersOf(origin);
            int component = near.length == 0 || random.nextInt(3) == 0 ? origin : near[random.nextInt(near.length)];
            String id = topology.component(component).id();
            AlertSource source = random.nextInt(4) == 0 ? AlertSource.ANOMALY : AlertSource.HEALTH;
            String fingerprint = source.name().toLowerCase() + ":" + id;
            Alert alert = new Alert(source, fingerprint, id, Optional.empty(),
                    source == AlertSource.ANOMALY ? AlertLevel.INFO : AlertLevel.WARNING, id + " degraded",
                    source == AlertSource.HEALTH ? Map.of("state", "DEGRADED") : Map.of(), at.plusSeconds(i / 1000),
                    Optional.empty());
            alerts[i] = source == AlertSource.ANOMALY || random.nextInt(10) == 0 ? alert.endedAt(alert.startsAt()) : alert;
        }
    }

    @Setup(Level.Iteration)
    public void freshService() {
        clock = new SimulationClock(Instant.parse("2026-11-02T00:00:00Z"));
        service = new IncidentService(topology, IncidentConfig.defaults(), IncidentStore.inMemory(), new EventBus(), clock);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long intake() {
        for (Alert alert : alerts) {
            service.accept(alert);
        }
        clock.advance(Duration.ofSeconds(1));
        service.tick(clock.instant());
        return service.alertsReceived();
    }
}
