package dev.firebreak.engine.runbook;

import dev.firebreak.engine.runbook.internal.JdbcExecutionStore;
import dev.firebreak.engine.runbook.internal.MemoryExecutionStore;
import dev.firebreak.engine.store.Database;
import java.util.List;

/** Where executions are written, whole, on every transition, before the action the transition announces. */
public interface ExecutionStore {

    /** A fresh execution id. */
    long nextId();

    /** Writes the snapshot, replacing the stored one with the same id; returns once it is durable. */
    void save(Execution execution);

    /** Every stored execution, oldest first. A snapshot that cannot be read is skipped with its id in the log. */
    List<Execution> loadAll();

    /** Records an outcome reported for a run elsewhere (the API's learn endpoint). */
    void saveOutcome(RunbookOutcome outcome);

    /** Every reported outcome, oldest first. */
    List<RunbookOutcome> outcomes();

    static ExecutionStore inMemory() {
        return new MemoryExecutionStore();
    }

    static ExecutionStore jdbc(Database database) {
        return new JdbcExecutionStore(database);
    }
}
