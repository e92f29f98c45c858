package dev.firebreak.engine.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.engine.executor.Outcome;
import dev.firebreak.engine.store.Database;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RunbookEngineRecoveryTests {

    private static final String THREE_STEPS = """
            id: three
            title: Three steps
            steps:
              - id: first
                type: command
                command: [step-one]
                approval: true
              - id: second
                type: command
                command: [step-two]
              - id: third
                type: command
                command: [step-three]
            """;

    private final Database database = Database.inMemory("recovery-" + System.nanoTime());

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void runningStepFoundAfterARestartIsInterruptedWithOutcomeUnknownAndNotRunAgain() {
        EngineFixture before = new EngineFixture(ExecutionStore.jdbc(database));
        List<Execution> seenByRestart = new ArrayList<>();
        before.executor.during = invocation -> {
            if (invocation.render().contains("step-two")) {
                // What a console restarted at this instant would find in the database.
                EngineFixture after = new EngineFixture(ExecutionStore.jdbc(database));
                seenByRestart.addAll(after.engine().executions());
            }
            return null;
        };
        RunbookEngine engine = before.engine();
        Execution run = engine.start(EngineFixture.request(EngineFixture.runbook(THREE_STEPS), ExecutionMode.APPROVAL_ONLY,
                "ana", Map.of()));
        engine.approve(run.id(), "first", "bob", run.step("first").hash(), "");

        assertThat(seenByRestart).singleElement().satisfies(found -> {
            assertThat(found.state()).isEqualTo(ExecutionState.INTERRUPTED);
            assertThat(found.step("first").state()).isEqualTo(StepState.SUCCEEDED);
            assertThat(found.step("first").approvals()).extracting(Approval::person).containsExactly("bob");
            assertThat(found.step("second").state()).isEqualTo(StepState.INTERRUPTED);
            assertThat(found.step("second").message()).isEqualTo("outcome unknown");
            assertThat(found.step("third").state()).isEqualTo(StepState.PENDING);
        });
    }

    @Test
    void interruptedRunWaitsForAPersonAndRetryRunsTheStepOnce() {
        EngineFixture first = new EngineFixture(ExecutionStore.jdbc(database));
        first.executor.during = invocation -> invocation.render().contains("step-two")
                ? thrownAway() : null;
        RunbookEngine crashed = first.engine();
        Execution run;
        try {
            run = crashed.start(EngineFixture.request(EngineFixture.runbook(THREE_STEPS), ExecutionMode.AUTOMATIC, "ana",
                    Map.of()));
        } catch (Crash expected) {
            run = null;
        }
        assertThat(run).isNull();

        EngineFixture second = new EngineFixture(ExecutionStore.jdbc(database));
        RunbookEngine restarted = second.engine();
        Execution found = restarted.executions().getFirst();
        assertThat(found.state()).isEqualTo(ExecutionState.INTERRUPTED);
        assertThat(second.executor.calls).isEmpty();
        assertThat(second.actions(found.id())).containsExactly("runbook.interrupted");

        Execution retried = restarted.retry(found.id(), "second", "ana");

        assertThat(retried.state()).isEqualTo(ExecutionState.SUCCEEDED);
        assertThat(second.executor.rendered()).containsExactly("exec [\"step-two\"] timeout PT5M",
                "exec [\"step-three\"] timeout PT5M");
        assertThat(retried.step("second").attempts()).isEqualTo(2);
    }

    @Test
    void storedExecutionRoundTripsThroughTheDatabaseWhole() {
        EngineFixture fixture = new EngineFixture(ExecutionStore.jdbc(database));
        RunbookEngine engine = fixture.engine();
        Execution run = engine.start(EngineFixture.request(EngineFixture.runbook(THREE_STEPS), ExecutionMode.APPROVAL_ONLY,
                "ana", Map.of()).forIncident(7, Map.of("alertname", "HighLatency", "pod", "a; rm -rf ~")));
        Execution approved = engine.approve(run.id(), "first", "bob", run.step("first").hash(), "");

        Execution loaded = ExecutionStore.jdbc(database).loadAll().getFirst();

        assertThat(loaded).usingRecursiveComparison().ignoringFields("runbook.directory").isEqualTo(approved);
    }

    @Test
    void reportedOutcomesAreKeptForLearning() {
        ExecutionStore store = ExecutionStore.jdbc(database);
        store.saveOutcome(new RunbookOutcome("three", true, "memory-leak", java.time.Duration.ofMinutes(4), "ana",
                java.time.Instant.parse("2026-12-06T10:00:00Z")));

        RunbookLearning learning = RunbookLearning.of(EngineFixture.runbook(THREE_STEPS), List.of(), store.outcomes());

        assertThat(learning.runs()).isEqualTo(1);
        assertThat(learning.faultKindsResolved()).containsExactly("memory-leak");
        assertThat(learning.p50()).isEqualTo(java.time.Duration.ofMinutes(4));
    }

    /** Stands for the process dying inside the executor call: nothing after it runs. */
    private static final class Crash extends Error {
        private static final long serialVersionUID = 1L;
    }

    private static Outcome thrownAway() {
        throw new Crash();
    }
}
