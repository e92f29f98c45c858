package dev.firebreak.bench;

import dev.firebreak.app.assembly.EngineOptions;
import dev.firebreak.app.assembly.EngineSession;
import dev.firebreak.engine.detect.AnomalyDetected;
import dev.firebreak.engine.fault.FaultSpec;
import dev.firebreak.engine.fault.FaultType;
import dev.firebreak.engine.rca.CallGraph;
import dev.firebreak.engine.rca.Diagnosis;
import dev.firebreak.engine.rca.Period;
import dev.firebreak.engine.rca.RcaConfig;
import dev.firebreak.engine.rca.RcaInput;
import dev.firebreak.engine.rca.RootCauseAnalyzer;
import dev.firebreak.engine.rca.RootCauseService;
import dev.firebreak.engine.rca.Symptom;
import dev.firebreak.engine.sim.SimulationConfig;
import dev.firebreak.engine.telemetry.MetricStore;
import dev.firebreak.engine.topology.Topology;
import dev.firebreak.engine.topology.TopologyException;
import dev.firebreak.engine.topology.TopologyGenerator;
import dev.firebreak.engine.topology.TopologyLoader;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.IterationParams;

/**
 * Cost of one root-cause analysis as the service runs it on an incident update ({@code analyse}: the analyzer kept the
 * normal period's summaries from the incident's earlier analyses) and of an incident's first ({@code firstAnalysis}): the input over the real metric store
 * (series copied on demand) and the analysis with every method. The engine (simulator, detection) runs 15 simulated
 * minutes with a latency fault on the deepest component for the last 3; the symptom is the first entry point, so every
 * component below it is a candidate (the worst case: an incident at the front door), and the input carries what
 * detection flagged, as the service's does. Besides JMH's wall-clock score it prints
 * the CPU time of the benchmark thread per analysis ({@link CpuTimeMeter}): on the shared machine the wall figure
 * measures the neighbours too.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RootCauseBenchmark {

    /** "shop" or the size of a generated topology. */
    @Param({"shop", "2000"})
    String topology;

    private MetricStore store;
    private CallGraph graph;
    private Symptom symptom;
    private Period normal;
    private Period anomalous;
    private Set<String> flagged;
    private final RootCauseAnalyzer analyzer = RootCauseAnalyzer.ofDefaults();
    private final CpuTimeMeter meter = new CpuTimeMeter();

    @Setup(Level.Trial)
    public void simulateAFault() throws TopologyException {
        Topology system = topology.equals("shop") ? TopologyLoader.loadResource("topologies/shop.yaml")
                : TopologyGenerator.generate(Integer.parseInt(topology), 42);
        Instant start = SimulationConfig.DEFAULT_START;
        Instant onset = start.plus(Duration.ofMinutes(12));
        Map<String, Instant> lastFlagged = new HashMap<>();
        try (EngineSession engine = EngineSession.assemble(system, EngineOptions.headless(42, start))) {
            engine.events().subscribe(AnomalyDetected.class, a -> lastFlagged.put(a.componentId(), a.at()));
            int[] order = system.topologicalOrder();
            String deepest = system.component(order[order.length - 1]).id();
            engine.simulator().inject(new FaultSpec(FaultType.LATENCY, deepest, Optional.empty(), 500, onset,
                    Duration.ofMinutes(10)));
            for (int i = 0; i < 15 * 60; i++) {
                engine.step();
            }
            store = engine.store();
            long now = engine.clock().instant().getEpochSecond();
            graph = RootCauseService.callGraphOf(system);
            String entry = system.component(system.entryPoints()[0]).id();
            long at = onset.getEpochSecond();
            symptom = new Symptom(entry, "", at);
            normal = new Period(at - 720, at - 120);
            anomalous = new Period(at - 120, now + 1);
            // what the service passes: every component detection flagged since the normal period began
            flagged = lastFlagged.entrySet().stream().filter(e -> e.getValue().getEpochSecond() >= normal.from())
                    .map(Map.Entry::getKey).collect(Collectors.toSet());
            System.out.printf(Locale.ROOT, "%n%d of %d components flagged by detection; the analysis notes %s%n",
                    flagged.size(), graph.nodes().size(), analyzer.analyze(input()).notes());
        }
    }

    @Setup(Level.Iteration)
    public void startMeter(IterationParams iteration) {
        meter.start(iteration);
    }

    @TearDown(Level.Iteration)
    public void printCpuRate() {
        meter.stopAndPrint("analyses");
    }

    @TearDown(Level.Trial)
    public void printCpuSummary() {
        meter.printSummary("analyses");
    }

    /** The incident analysed again, as on every change: the analyzer kept the normal period's summaries. */
    @Benchmark
    public Diagnosis analyse() {
        meter.count(1);
        return analyzer.analyze(input());
    }

    /** The first analysis of an incident: a fresh analyzer summarises every normal period. */
    @Benchmark
    public Diagnosis firstAnalysis() {
        meter.count(1);
        return new RootCauseAnalyzer(RcaConfig.ofDefaults()).analyze(input());
    }

    private RcaInput input() {
        return RootCauseService.fromStore(graph, store, normal, anomalous, symptom, List.of(), List.of(), List.of(),
                flagged);
    }
}
