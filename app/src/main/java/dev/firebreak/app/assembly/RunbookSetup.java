package dev.firebreak.app.assembly;

import dev.firebreak.engine.runbook.ExecutionStore;
import dev.firebreak.engine.runbook.HaltSwitch;
import dev.firebreak.engine.runbook.RunbookEngineConfig;
import dev.firebreak.engine.runbook.RunbookLibrary;
import dev.firebreak.engine.store.AuditLog;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a session's runbooks come from and where its runs are kept.
 *
 * @param executions  the runs (the console's database, or memory)
 * @param audit       the audit log every run action is written to, when there is a database
 * @param library     shipped runbooks and the person's own directory
 * @param halt        the emergency stop the runs obey
 * @param environment the environment runs start in unless a person picks another
 * @param config      approval expiry and protected environments
 */
public record RunbookSetup(ExecutionStore executions, Optional<AuditLog> audit, RunbookLibrary library, HaltSwitch halt,
        String environment, RunbookEngineConfig config) {

    /** The environment of runs against the simulator. */
    public static final String SIMULATOR = "simulator";

    public RunbookSetup {
        Objects.requireNonNull(executions, "executions");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(library, "library");
        Objects.requireNonNull(halt, "halt");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(config, "config");
    }

    /** Runs in memory, the shipped runbooks only. */
    public static RunbookSetup inMemory() {
        return new RunbookSetup(ExecutionStore.inMemory(), Optional.empty(),
                RunbookLibrary.load(List.of(ShippedRunbooks.temporary()), Optional.empty()), HaltSwitch.NEVER, SIMULATOR,
                RunbookEngineConfig.defaults());
    }

    /**
     * Runs in {@code executions}, audited; shipped runbooks copied to {@code DATA_DIR/runbooks/shipped}, the person's own
     * in {@code DATA_DIR/runbooks}.
     */
    public static RunbookSetup inDataDirectory(Path dataDir, ExecutionStore executions, AuditLog audit) {
        Path own = dataDir.resolve("runbooks");
        Path shipped = ShippedRunbooks.extract(own.resolve("shipped"));
        return new RunbookSetup(executions, Optional.of(audit), RunbookLibrary.load(List.of(shipped), Optional.of(own)),
                HaltSwitch.NEVER, SIMULATOR, RunbookEngineConfig.defaults());
    }
}
