package dev.firebreak.bench;

import dev.firebreak.app.assembly.ShippedRunbooks;
import dev.firebreak.app.wiring.TopologyCatalog;
import dev.firebreak.engine.event.EventBus;
import dev.firebreak.engine.executor.Executor;
import dev.firebreak.engine.executor.Invocation;
import dev.firebreak.engine.executor.Outcome;
import dev.firebreak.engine.executor.OutputSink;
import dev.firebreak.engine.health.HealthState;
import dev.firebreak.engine.heal.DecisionChain;
import dev.firebreak.engine.heal.GateVerdict;
import dev.firebreak.engine.heal.HealingAction;
import dev.firebreak.engine.heal.HealingConfig;
import dev.firebreak.engine.heal.HealingDecision;
import dev.firebreak.engine.heal.HealingMode;
import dev.firebreak.engine.heal.HealingState;
import dev.firebreak.engine.heal.Playbook;
import dev.firebreak.engine.heal.PlaybookLibrary;
import dev.firebreak.engine.heal.Strategy;
import dev.firebreak.engine.heal.Verdict;
import dev.firebreak.engine.runbook.Execution;
import dev.firebreak.engine.runbook.ExecutionMode;
import dev.firebreak.engine.runbook.ExecutionStore;
import dev.firebreak.engine.runbook.HaltSwitch;
import dev.firebreak.engine.runbook.MetricSource;
import dev.firebreak.engine.runbook.RunbookEngine;
import dev.firebreak.engine.runbook.RunbookEngineConfig;
import dev.firebreak.engine.runbook.RunbookJournal;
import dev.firebreak.engine.runbook.StartRequest;
import dev.firebreak.engine.time.SimulationClock;
import dev.firebreak.engine.topology.Topology;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

/**
 * Decision latency (issue 15): from a diagnosed cause to the playbook's first action handed to its executor. One
 * invocation runs the whole decision chain over the shipped playbooks (every gate, the breaker, rate limit and cooldown
 * reading a history of {@code history} past decisions and actions, the playbook's preconditions checked as the service
 * checks them) and then starts the chosen playbook's run on the
 * runbook engine in automatic mode (memory store, an executor that answers at once) until it has issued its simulator
 * action. The service's bookkeeping around it (the timeline entry, the event) is not included.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HealingDecisionBenchmark {

    @Param({"0", "2000"})
    int history;

    private Topology shop;
    private PlaybookLibrary library;
    private RunbookEngine engine;
    private SimulationClock clock;
    private List<HealingDecision> decisions;
    private List<HealingAction> actions;
    private final HealingConfig config = HealingConfig.defaults().withDefaultMode(HealingMode.AUTOMATIC)
            .withCooldown(Duration.ZERO);
    private int issued;
    private int runs;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        shop = TopologyCatalog.resolve("shop", 1);
        library = PlaybookLibrary.load(List.of(ShippedRunbooks.temporaryPlaybooks()));
        clock = new SimulationClock(Instant.parse("2026-12-06T00:00:00Z"));
        engine();
        decisions = new ArrayList<>();
        actions = new ArrayList<>();
        // a past of `history` heals, one every 10 minutes on the other services in turn (so neither the breaker, the
        // rate limit nor the cooldown refuses the measured decision; they still read all of it), one in seven rolled back
        List<String> others = shop.components().stream().filter(c -> c.kind() == dev.firebreak.engine.topology.ComponentKind.SERVICE
                && !c.id().equals("catalog")).map(c -> c.id()).toList();
        Instant now = clock.instant();
        for (int i = 0; i < history; i++) {
            Instant at = now.minus(Duration.ofMinutes(10L * (history - i) + 60));
            HealingDecision old = decide(at, others.get(i % others.size())).withId(i + 1);
            decisions.add(old);
            HealingState state = i % 7 == 0 ? HealingState.ROLLED_BACK : HealingState.SUCCEEDED;
            actions.add(new HealingAction(i + 1, old, Optional.of((long) i), state, Optional.empty(), "", at, at.plusSeconds(60),
                    Optional.empty()));
        }
    }

    private void engine() {
        Executor answersAtOnce = new Executor() {
            @Override public boolean handles(Invocation invocation) { return true; }
            @Override public Outcome run(Invocation invocation, OutputSink output) {
                issued++;
                return Outcome.succeeded("ok", "done");
            }
        };
        engine = new RunbookEngine(RunbookEngineConfig.defaults(), new RunbookEngine.Wiring(answersAtOnce,
                ExecutionStore.inMemory(), MetricSource.NONE, RunbookJournal.NONE, new EventBus(), clock, duration -> { },
                Runnable::run, HaltSwitch.NEVER));
    }

    private HealingDecision decide() {
        return decide(clock.instant(), "catalog");
    }

    private HealingDecision decide(Instant at, String component) {
        return DecisionChain.decide(new DecisionChain.Input(at, Strategy.REACTIVE, Optional.of(1L), component,
                "service", "resource exhaustion: memory, still rising", 0.93, "simulator", config, false, Optional.empty(),
                library, shop,
                decisions == null ? List.of() : decisions, actions == null ? List.of() : actions,
                playbook -> fill(playbook, component), HealthState.CRITICAL,
                Optional.empty()));
    }

    /** As the healing service fills a playbook: its parameters, and its preconditions checked for them. */
    private DecisionChain.Fill fill(dev.firebreak.engine.heal.Playbook playbook, String component) {
        Map<String, String> values = Map.of("service", component);
        return new DecisionChain.Fill(values, engine.unmetPrecondition(new StartRequest(playbook.runbook(),
                ExecutionMode.AUTOMATIC, "simulator", "firebreak-healing", Optional.empty(), values, Map.of(), "simulator")));
    }

    @Benchmark
    public Execution decideAndIssue() {
        if (++runs % 500 == 0) {
            engine(); // the engine keeps every run; a fresh one keeps the heap flat
        }
        HealingDecision decision = decide();
        if (decision.verdict() != Verdict.ACT) {
            throw new IllegalStateException("the benchmark decision did not act: " + decision.refusedBy()
                    .map(GateVerdict::why).orElse(""));
        }
        Playbook playbook = library.get(decision.playbookId().orElseThrow()).orElseThrow();
        int before = issued;
        Execution run = engine.start(new StartRequest(playbook.runbook(), ExecutionMode.AUTOMATIC, "simulator", "bench",
                decision.incidentId(), decision.parameters(), Map.of(), "simulator"));
        if (issued == before) {
            throw new IllegalStateException("no action issued: " + run.message());
        }
        return run;
    }
}
