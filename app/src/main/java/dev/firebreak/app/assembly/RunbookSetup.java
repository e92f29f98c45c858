package dev.firebreak.app.assembly;

import dev.firebreak.engine.heal.HaltStore;
import dev.firebreak.engine.heal.HealingStore;
import dev.firebreak.engine.heal.PlaybookLibrary;
import dev.firebreak.engine.runbook.ExecutionStore;
import dev.firebreak.engine.store.Database;
import dev.firebreak.engine.runbook.RunbookEngineConfig;
import dev.firebreak.engine.runbook.RunbookLibrary;
import dev.firebreak.engine.store.AuditLog;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a session's runbooks and healing playbooks come from and where runs, healing decisions and HALT are kept.
 *
 * @param executions  the runs (the console's database, or memory)
 * @param audit       the audit log every run action and HALT is written to, when there is a database
 * @param library     shipped runbooks and the person's own directory
 * @param halts       presses and releases of HALT (latched across restarts when in the database)
 * @param healing     healing decisions and actions
 * @param playbooks   the healing playbooks
 * @param environment the environment runs start in unless a person picks another
 * @param config      approval expiry and protected environments
 */
public record RunbookSetup(ExecutionStore executions, Optional<AuditLog> audit, RunbookLibrary library, HaltStore halts,
        HealingStore healing, PlaybookLibrary playbooks, String environment, RunbookEngineConfig config) {

    /** The environment of runs against the simulator. */
    public static final String SIMULATOR = "simulator";

    public RunbookSetup {
        Objects.requireNonNull(executions, "executions");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(library, "library");
        Objects.requireNonNull(halts, "halts");
        Objects.requireNonNull(healing, "healing");
        Objects.requireNonNull(playbooks, "playbooks");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(config, "config");
    }

    /** Runs in memory, the shipped runbooks only. */
    public static RunbookSetup inMemory() {
        return new RunbookSetup(ExecutionStore.inMemory(), Optional.empty(),
                RunbookLibrary.load(List.of(ShippedRunbooks.temporary()), Optional.empty()), HaltStore.inMemory(),
                HealingStore.inMemory(), PlaybookLibrary.load(List.of(ShippedRunbooks.temporaryPlaybooks())), SIMULATOR,
                RunbookEngineConfig.defaults());
    }

    /**
     * Runs, healing and HALT in {@code database}, audited; shipped runbooks copied to {@code DATA_DIR/runbooks/shipped},
     * the person's own in {@code DATA_DIR/runbooks}; shipped playbooks copied to {@code DATA_DIR/playbooks/shipped}, the
     * person's own in {@code DATA_DIR/playbooks}.
     */
    public static RunbookSetup inDataDirectory(Path dataDir, Database database) {
        Path own = dataDir.resolve("runbooks");
        Path shipped = ShippedRunbooks.extract(own.resolve("shipped"));
        Path ownPlaybooks = dataDir.resolve("playbooks");
        Path shippedPlaybooks = ShippedRunbooks.extractPlaybooks(ownPlaybooks.resolve("shipped"));
        return new RunbookSetup(ExecutionStore.jdbc(database), Optional.of(database.auditLog()),
                RunbookLibrary.load(List.of(shipped), Optional.of(own)), HaltStore.in(database), HealingStore.in(database),
                PlaybookLibrary.load(List.of(shippedPlaybooks, ownPlaybooks)), SIMULATOR, RunbookEngineConfig.defaults());
    }
}
