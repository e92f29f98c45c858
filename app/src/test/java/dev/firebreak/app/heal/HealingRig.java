package dev.firebreak.app.heal;

import dev.firebreak.app.assembly.EngineOptions;
import dev.firebreak.app.assembly.EngineSession;
import dev.firebreak.app.assembly.RunbookSetup;
import dev.firebreak.app.wiring.TopologyCatalog;
import dev.firebreak.engine.fault.FaultSpec;
import dev.firebreak.engine.fault.FaultType;
import dev.firebreak.engine.heal.HaltStore;
import dev.firebreak.engine.heal.HealingConfig;
import dev.firebreak.engine.heal.HealingStore;
import dev.firebreak.engine.heal.PlaybookLibrary;
import dev.firebreak.engine.incident.IncidentStore;
import dev.firebreak.engine.rca.FeedbackStore;
import dev.firebreak.engine.runbook.ExecutionState;
import dev.firebreak.engine.runbook.ExecutionStore;
import dev.firebreak.engine.runbook.RunbookEngineConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * A real engine session on the shop topology for healing tests, stepped one simulated second at a time. Playbook runs
 * happen on the runbook engine's own threads; after each second the rig waits (a bounded wait on a condition, never a
 * fixed sleep) until no run is about to act, so an action lands on the tick after its decision as it would in a
 * console that is not starved of CPU.
 */
final class HealingRig implements AutoCloseable {

    static final Instant START = Instant.parse("2026-11-02T00:00:00Z");

    final EngineSession engine;

    HealingRig(long seed, HealingConfig config, Optional<PlaybookLibrary> playbooks, HaltStore halts) {
        RunbookSetup shipped = RunbookSetup.inMemory();
        RunbookSetup setup = new RunbookSetup(ExecutionStore.inMemory(), Optional.empty(), shipped.library(), halts,
                HealingStore.inMemory(), playbooks.orElse(shipped.playbooks()), RunbookSetup.SIMULATOR,
                RunbookEngineConfig.defaults());
        this.engine = EngineSession.assemble(shop(seed),
                EngineOptions.headless(seed, START).withHealing(config), IncidentStore.inMemory(), FeedbackStore.inMemory(),
                setup);
    }

    private static dev.firebreak.engine.topology.Topology shop(long seed) {
        try {
            return TopologyCatalog.resolve("shop", seed);
        } catch (Exception e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    HealingRig(long seed, HealingConfig config) {
        this(seed, config, Optional.empty(), HaltStore.inMemory());
    }

    void inject(FaultType type, String target, double magnitude, Duration at, Duration lasting) {
        engine.simulator().inject(new FaultSpec(type, target, Optional.empty(), magnitude, START.plus(at), lasting));
    }

    /** A fault between two components (a partition, a dependency failure). */
    void inject(FaultType type, String target, String peer, Duration at, Duration lasting) {
        engine.simulator().inject(new FaultSpec(type, target, Optional.of(peer), type.defaultMagnitude(), START.plus(at),
                lasting));
    }

    void run(Duration duration) {
        for (long s = 0; s < duration.toSeconds(); s++) {
            engine.step();
            settle();
        }
    }

    /** Waits until no runbook run is executing a step (each simulator step returns at once). */
    void settle() {
        until(() -> engine.runbooks().executions().stream().noneMatch(run -> run.state() == ExecutionState.RUNNING));
    }

    static void until(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached within 20 s of wall time");
            }
            LockSupport.parkNanos(200_000);
        }
    }

    @Override
    public void close() {
        engine.close();
    }

    static PlaybookLibrary library(String... yaml) {
        try {
            List<dev.firebreak.engine.heal.Playbook> list = new java.util.ArrayList<>();
            for (int i = 0; i < yaml.length; i++) {
                list.add(dev.firebreak.engine.heal.PlaybookLoader.parse("test-" + i + ".yaml", yaml[i], Optional.empty()));
            }
            return new PlaybookLibrary(list, List.of());
        } catch (dev.firebreak.engine.heal.PlaybookException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

}
