package dev.firebreak.engine.runbook.internal;

import dev.firebreak.engine.runbook.Execution;
import dev.firebreak.engine.runbook.ExecutionStore;
import dev.firebreak.engine.runbook.RunbookOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Executions kept in memory: tests, and runs without a data directory. */
public final class MemoryExecutionStore implements ExecutionStore {

    private final Map<Long, Execution> executions = new TreeMap<>();
    private final List<RunbookOutcome> outcomes = new ArrayList<>();
    private long lastId;

    @Override
    public synchronized long nextId() {
        return ++lastId;
    }

    @Override
    public synchronized void save(Execution execution) {
        executions.put(execution.id(), execution);
        lastId = Math.max(lastId, execution.id());
    }

    @Override
    public synchronized List<Execution> loadAll() {
        return new ArrayList<>(executions.values());
    }

    @Override
    public synchronized void saveOutcome(RunbookOutcome outcome) {
        outcomes.add(outcome);
    }

    @Override
    public synchronized List<RunbookOutcome> outcomes() {
        return List.copyOf(outcomes);
    }
}
