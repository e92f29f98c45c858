package dev.firebreak.engine.runbook;

import dev.firebreak.engine.event.EventBus;
import dev.firebreak.engine.executor.Executor;
import dev.firebreak.engine.executor.Invocation;
import dev.firebreak.engine.executor.Outcome;
import dev.firebreak.engine.executor.OutputSink;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * A runbook engine on a hand-moved clock, with an executor that records what it is asked to run and answers from a
 * script, a journal that keeps its entries, and metrics a test sets. Waits move the clock instead of sleeping.
 */
final class EngineFixture {

    static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-12-06T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public synchronized Instant instant() {
            return now;
        }

        synchronized void advance(Duration duration) {
            now = now.plus(duration);
        }
    }

    /** Records every invocation; answers with queued outcomes, then with success. */
    static final class RecordingExecutor implements Executor {
        final List<Invocation> calls = new ArrayList<>();
        final Deque<Outcome> answers = new ArrayDeque<>();
        Function<Invocation, Outcome> during = invocation -> null;

        @Override
        public boolean handles(Invocation invocation) {
            return true;
        }

        @Override
        public synchronized Outcome run(Invocation invocation, OutputSink output) {
            calls.add(invocation);
            output.line("ran " + invocation.render());
            Outcome special = during.apply(invocation);
            if (special != null) {
                return special;
            }
            return answers.isEmpty() ? Outcome.succeeded("ok", "done") : answers.poll();
        }

        List<String> rendered() {
            return calls.stream().map(Invocation::render).toList();
        }
    }

    record Entry(long execution, String actor, String action, String text) {
    }

    final MovableClock clock = new MovableClock();
    final RecordingExecutor executor = new RecordingExecutor();
    final ExecutionStore store;
    final List<Entry> journal = new ArrayList<>();
    final Map<String, Double> metrics = new HashMap<>();
    final AtomicReference<String> halt = new AtomicReference<>();
    final EventBus bus = new EventBus();
    Executor executorInUse = executor;
    RunbookEngineConfig config = RunbookEngineConfig.defaults();

    EngineFixture() {
        this(ExecutionStore.inMemory());
    }

    EngineFixture(ExecutionStore store) {
        this.store = store;
    }

    /** Runs the drive loops; direct by default, a queue when a test needs a moment between approval and run. */
    java.util.concurrent.Executor worker = Runnable::run;

    RunbookEngine engine() {
        MetricSource source = (component, metric) -> {
            Double value = metrics.get(component + "." + metric);
            return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
        };
        RunbookJournal recording = (execution, actor, action, text) -> journal.add(new Entry(execution.id(), actor, action, text));
        return new RunbookEngine(config, new RunbookEngine.Wiring(executorInUse, store, source, recording, bus, clock,
                clock::advance, worker, () -> Optional.ofNullable(halt.get())));
    }

    static Runbook runbook(String yaml) {
        try {
            return RunbookLoader.parse("test.yaml", yaml, Optional.empty());
        } catch (RunbookException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    static StartRequest request(Runbook runbook, ExecutionMode mode, String startedBy, Map<String, String> parameters) {
        return StartRequest.of(runbook, mode, "staging", startedBy, parameters);
    }

    List<String> actions(long execution) {
        return journal.stream().filter(e -> e.execution() == execution).map(Entry::action).toList();
    }
}
