package dev.firebreak.bench;

import dev.firebreak.engine.event.EventBus;
import dev.firebreak.engine.executor.Executor;
import dev.firebreak.engine.executor.Invocation;
import dev.firebreak.engine.executor.Outcome;
import dev.firebreak.engine.executor.OutputSink;
import dev.firebreak.engine.runbook.Execution;
import dev.firebreak.engine.runbook.ExecutionMode;
import dev.firebreak.engine.runbook.ExecutionState;
import dev.firebreak.engine.runbook.ExecutionStore;
import dev.firebreak.engine.runbook.HaltSwitch;
import dev.firebreak.engine.runbook.MetricSource;
import dev.firebreak.engine.runbook.Runbook;
import dev.firebreak.engine.runbook.RunbookEngine;
import dev.firebreak.engine.runbook.RunbookEngineConfig;
import dev.firebreak.engine.runbook.RunbookException;
import dev.firebreak.engine.runbook.RunbookJournal;
import dev.firebreak.engine.runbook.RunbookLoader;
import dev.firebreak.engine.runbook.StartRequest;
import dev.firebreak.engine.store.Database;
import dev.firebreak.engine.time.SimulationClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
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
import org.openjdk.jmh.annotations.TearDown;

/**
 * The runbook engine's own cost per step, the executor excluded (it answers at once): rendering the step's templates
 * into an invocation, the state-table checks, the snapshots written before and after the call, the journal and the
 * event. One invocation runs a {@value #STEPS}-step runbook in automatic mode; reported per step. {@code store}
 * {@code memory} is the engine alone; {@code h2} adds the console's durable snapshots in an H2 file database.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RunbookStepOverheadBenchmark {

    static final int STEPS = 20;

    @Param({"memory", "h2"})
    String store;

    private Runbook runbook;
    private RunbookEngine engine;
    private Database database;
    private Path directory;

    @Setup(Level.Trial)
    public void runbook() throws RunbookException {
        StringBuilder yaml = new StringBuilder("""
                id: overhead
                title: Overhead
                parameters:
                  - name: service
                    type: component
                steps:
                """);
        for (int i = 0; i < STEPS; i++) {
            String step = i % 2 == 0
                    ? "  - id: s%d\n    type: command\n    simulator: {action: scale, target: \"{{params.service}}\", replicas: \"%d\"}\n"
                    : "  - id: s%d\n    type: command\n    command: [probe, \"{{params.service}}\", \"--attempt=%d\", \"{{labels.pod}}\"]\n";
            yaml.append(step.formatted(i, i % 5 + 2));
        }
        runbook = RunbookLoader.parse("overhead.yaml", yaml.toString(), Optional.empty());
    }

    @Setup(Level.Iteration)
    public void engine() {
        ExecutionStore executions;
        if (store.equals("h2")) {
            try {
                directory = Files.createTempDirectory("firebreak-runbook-bench");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            database = Database.openFile(directory);
            executions = ExecutionStore.jdbc(database);
        } else {
            executions = ExecutionStore.inMemory();
        }
        SimulationClock clock = new SimulationClock(Instant.parse("2026-12-06T00:00:00Z"));
        Executor answersAtOnce = new Executor() {
            @Override public boolean handles(Invocation invocation) { return true; }
            @Override public Outcome run(Invocation invocation, OutputSink output) { return Outcome.succeeded("ok", "done"); }
        };
        engine = new RunbookEngine(RunbookEngineConfig.defaults(), new RunbookEngine.Wiring(answersAtOnce, executions,
                MetricSource.NONE, RunbookJournal.NONE, new EventBus(), clock, duration -> { }, Runnable::run,
                HaltSwitch.NEVER));
    }

    @TearDown(Level.Iteration)
    public void close() {
        if (database != null) {
            database.close();
            database = null;
        }
    }

    /** The engine keeps every run in memory; a fresh one every so often keeps the heap flat (amortised, under 1 %). */
    private static final int RUNS_PER_ENGINE = 500;
    private int runs;

    @Benchmark
    @OperationsPerInvocation(STEPS)
    public Execution runWholeRunbook() {
        if (store.equals("memory") && ++runs % RUNS_PER_ENGINE == 0) {
            engine();
        }
        Execution run = engine.start(StartRequest.of(runbook, ExecutionMode.AUTOMATIC, "staging", "bench",
                Map.of("service", "catalog")).forIncident(1, Map.of("pod", "catalog-7f9c")));
        if (run.state() != ExecutionState.SUCCEEDED) {
            throw new IllegalStateException("the benchmark runbook did not succeed: " + run.message());
        }
        return run;
    }
}
