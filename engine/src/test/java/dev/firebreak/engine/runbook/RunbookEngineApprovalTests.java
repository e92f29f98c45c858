package dev.firebreak.engine.runbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunbookEngineApprovalTests {

    private static final String FAILOVER = """
            id: failover
            title: Fail over the database
            parameters:
              - name: database
                type: component
                default: postgres-primary
            steps:
              - id: drain
                type: command
                simulator: {action: reset-pool, target: "{{params.database}}"}
                approval: true
              - id: failover
                type: command
                simulator: {action: failover, target: "{{params.database}}"}
                critical: true
              - id: confirm
                type: manual
                instructions: Check the application logs of {{params.database}} callers
            """;

    private final EngineFixture fixture = new EngineFixture();
    private final RunbookEngine engine = fixture.engine();
    private final Runbook runbook = EngineFixture.runbook(FAILOVER);

    private Execution startedByAna() {
        return engine.start(EngineFixture.request(runbook, ExecutionMode.APPROVAL_ONLY, "ana", Map.of()));
    }

    private Execution approve(Execution run, String step, String person) {
        Execution now = engine.execution(run.id()).orElseThrow();
        return engine.approve(run.id(), step, person, now.step(step).hash(), "");
    }

    @Test
    void stepMarkedForApprovalWaitsAndShowsExactlyWhatItWillRun() {
        Execution run = startedByAna();

        assertThat(run.state()).isEqualTo(ExecutionState.WAITING_FOR_APPROVAL);
        assertThat(run.step("drain").state()).isEqualTo(StepState.WAITING_FOR_APPROVAL);
        assertThat(run.step("drain").rendered()).isEqualTo("action reset the connection pool of postgres-primary");
        assertThat(run.step("drain").hash()).hasSize(64);
        assertThat(fixture.executor.calls).isEmpty();
    }

    @Test
    void approvalRunsTheStepAndRecordsWhoAndWhen() {
        Execution run = startedByAna();

        Execution after = approve(run, "drain", "bob");

        assertThat(after.step("drain").state()).isEqualTo(StepState.SUCCEEDED);
        assertThat(after.step("drain").approvals()).singleElement()
                .satisfies(a -> {
                    assertThat(a.person()).isEqualTo("bob");
                    assertThat(a.at()).isEqualTo(fixture.clock.instant());
                    assertThat(a.hash()).isEqualTo(run.step("drain").hash());
                });
        assertThat(fixture.journal).anySatisfy(e -> {
            assertThat(e.actor()).isEqualTo("bob");
            assertThat(e.action()).isEqualTo("runbook.approved");
            assertThat(e.text()).contains("reset the connection pool of postgres-primary");
        });
    }

    @Test
    void approvalOfADifferentRenderingIsRefused() {
        Execution run = startedByAna();

        assertThatThrownBy(() -> engine.approve(run.id(), "drain", "bob", "0".repeat(64), ""))
                .isInstanceOf(ExecutionRefusedException.class).hasMessageContaining("changed since it was shown");
        assertThat(fixture.executor.calls).isEmpty();
    }

    @Test
    void criticalStepNeedsTwoDifferentPeopleNeitherTheSameTwiceNorTheStarterSecond() {
        Execution run = startedByAna();
        approve(run, "drain", "bob");
        Execution waiting = approve(run, "failover", "bob");
        assertThat(waiting.state()).isEqualTo(ExecutionState.WAITING_FOR_APPROVAL);
        assertThat(waiting.message()).contains("needs a second approver");

        assertThatThrownBy(() -> approve(run, "failover", "bob")).isInstanceOf(ExecutionRefusedException.class)
                .hasMessageContaining("bob already approved step failover");
        assertThatThrownBy(() -> approve(run, "failover", "ana")).isInstanceOf(ExecutionRefusedException.class)
                .hasMessageContaining("ana started this run");
        assertThat(fixture.executor.rendered()).doesNotContain("action fail over postgres-primary to its replica");

        Execution after = approve(run, "failover", "chen");
        assertThat(after.step("failover").state()).isEqualTo(StepState.SUCCEEDED);
        assertThat(after.step("failover").approvals()).extracting(Approval::person).containsExactly("bob", "chen");
    }

    @Test
    void starterMayGiveTheFirstApprovalOfACriticalStepButNotTheSecond() {
        Execution run = startedByAna();
        approve(run, "drain", "ana");

        approve(run, "failover", "ana");
        Execution after = approve(run, "failover", "bob");

        assertThat(after.step("failover").state()).isEqualTo(StepState.SUCCEEDED);
    }

    @Test
    void expiredFirstApprovalDoesNotCountTowardsTheSecond() {
        Execution run = startedByAna();
        approve(run, "drain", "bob");
        approve(run, "failover", "bob");

        fixture.clock.advance(fixture.config.approvalTtl().plusSeconds(1));
        Execution after = approve(run, "failover", "chen");

        assertThat(after.state()).isEqualTo(ExecutionState.WAITING_FOR_APPROVAL);
        assertThat(after.step("failover").approvals()).extracting(Approval::person).containsExactly("chen");
        assertThat(fixture.executor.rendered()).doesNotContain("action fail over postgres-primary to its replica");
    }

    @Test
    void approvalThatExpiredBeforeTheStepRanIsRefusedAtRunTime() {
        java.util.ArrayDeque<Runnable> drives = new java.util.ArrayDeque<>();
        EngineFixture queued = new EngineFixture();
        queued.worker = drives::add;
        RunbookEngine slow = queued.engine();
        Execution run = slow.start(EngineFixture.request(runbook, ExecutionMode.APPROVAL_ONLY, "ana", Map.of()));
        drives.poll().run();
        Execution waiting = slow.execution(run.id()).orElseThrow();
        assertThat(waiting.state()).isEqualTo(ExecutionState.WAITING_FOR_APPROVAL);
        slow.approve(run.id(), "drain", "bob", waiting.step("drain").hash(), "");

        queued.clock.advance(Duration.ofHours(1)); // the drive loop only gets to run an hour later
        drives.poll().run();

        Execution after = slow.execution(run.id()).orElseThrow();
        assertThat(after.state()).isEqualTo(ExecutionState.WAITING_FOR_APPROVAL);
        assertThat(after.message()).contains("approval by bob is no longer valid");
        assertThat(queued.executor.calls).isEmpty();
    }

    @Test
    void changingAStepAfterApprovalVoidsTheApproval() {
        Execution run = startedByAna();
        approve(run, "drain", "bob");
        String seen = engine.execution(run.id()).orElseThrow().step("failover").hash();
        approve(run, "failover", "bob");

        Runbook edited = EngineFixture.runbook(FAILOVER.replace("{action: failover, target: \"{{params.database}}\"}",
                "{action: failover, target: postgres-replica}"));
        engine.runbookChanged(edited);

        Execution after = engine.execution(run.id()).orElseThrow();
        assertThat(after.step("failover").approvals()).isEmpty();
        assertThat(after.step("failover").rendered()).isEqualTo("action fail over postgres-replica to its replica");
        assertThatThrownBy(() -> engine.approve(run.id(), "failover", "chen", seen, ""))
                .isInstanceOf(ExecutionRefusedException.class).hasMessageContaining("changed since it was shown");
        assertThat(fixture.journal).anySatisfy(e -> assertThat(e.action()).isEqualTo("runbook.approval-void"));
    }

    @Test
    void denialPausesTheRunUntilSomeoneRetriesOrSkips() {
        Execution run = startedByAna();

        Execution denied = engine.deny(run.id(), "drain", "bob", "not during peak");
        assertThat(denied.state()).isEqualTo(ExecutionState.PAUSED);
        assertThat(denied.step("drain").state()).isEqualTo(StepState.DENIED);

        Execution skipped = engine.skip(run.id(), "drain", "bob", "pool is fine");
        assertThat(skipped.step("drain").state()).isEqualTo(StepState.SKIPPED);
        assertThat(skipped.current()).isEqualTo(1);
        assertThat(skipped.state()).isEqualTo(ExecutionState.WAITING_FOR_APPROVAL);
    }

    @Test
    void manualStepWaitsForAPersonToConfirmEvenInAutomaticMode() {
        Execution run = engine.start(EngineFixture.request(runbook, ExecutionMode.AUTOMATIC, "ana", Map.of()));

        assertThat(run.state()).isEqualTo(ExecutionState.WAITING_FOR_APPROVAL);
        assertThat(run.step("confirm").rendered()).isEqualTo("manual: Check the application logs of postgres-primary callers");

        Execution done = approve(run, "confirm", "ana");
        assertThat(done.state()).isEqualTo(ExecutionState.SUCCEEDED);
        assertThat(done.step("confirm").message()).isEqualTo("confirmed by ana");
    }

    @Test
    void stepByStepModeWaitsBeforeEveryStep() {
        Execution run = engine.start(EngineFixture.request(EngineFixture.runbook("""
                id: two
                title: Two
                steps:
                  - id: a
                    type: command
                    command: [uptime]
                  - id: b
                    type: command
                    command: [uptime]
                """), ExecutionMode.STEP_BY_STEP, "ana", Map.of()));

        assertThat(run.step("a").state()).isEqualTo(StepState.WAITING_FOR_APPROVAL);
        Execution afterA = approve(run, "a", "ana");
        assertThat(afterA.step("b").state()).isEqualTo(StepState.WAITING_FOR_APPROVAL);
        assertThat(fixture.executor.calls).hasSize(1);
    }

    @Test
    void rollbackStepWaitsForApprovalInStepByStepModeLikeAnyOther() {
        Execution run = engine.start(EngineFixture.request(EngineFixture.runbook("""
                id: undo
                title: Undo
                steps:
                  - id: scale
                    type: command
                    simulator: {action: scale, target: orders, replicas: "6"}
                    rollback:
                      simulator: {action: scale, target: orders, replicas: "2"}
                  - id: undo
                    type: rollback
                """), ExecutionMode.STEP_BY_STEP, "ana", Map.of()));
        Execution scaled = approve(run, "scale", "bob");

        assertThat(scaled.step("undo").state()).isEqualTo(StepState.WAITING_FOR_APPROVAL);
        assertThat(scaled.step("undo").rendered()).isEqualTo("roll back every succeeded step before this one, newest first");
        assertThat(fixture.executor.calls).hasSize(1);

        Execution undone = approve(run, "undo", "bob");
        assertThat(undone.step("scale").state()).isEqualTo(StepState.ROLLED_BACK);
        assertThat(fixture.executor.rendered()).containsExactly("action scale orders to 6 replicas",
                "action scale orders to 2 replicas");
    }

    @Test
    void protectedEnvironmentNeedsItsNameTypedToStartAndToApprove() {
        Runbook anywhere = runbook;
        StartRequest production = StartRequest.of(anywhere, ExecutionMode.APPROVAL_ONLY, "production", "ana", Map.of());

        assertThatThrownBy(() -> engine.start(production)).isInstanceOf(ExecutionRefusedException.class)
                .hasMessageContaining("type its name");
        assertThatThrownBy(() -> engine.start(production.confirmedWith("Production")))
                .isInstanceOf(ExecutionRefusedException.class);

        Execution run = engine.start(production.confirmedWith("production"));
        String hash = run.step("drain").hash();
        assertThatThrownBy(() -> engine.approve(run.id(), "drain", "bob", hash, ""))
                .isInstanceOf(ExecutionRefusedException.class).hasMessageContaining("protected environment");
        assertThat(engine.approve(run.id(), "drain", "bob", hash, "production").step("drain").state())
                .isEqualTo(StepState.SUCCEEDED);
    }

    @Test
    void runbookRefusesAnEnvironmentItIsNotWrittenFor() {
        Runbook stagingOnly = EngineFixture.runbook(FAILOVER.replace("steps:", "environments: [staging]\nsteps:"));

        assertThatThrownBy(() -> engine.start(StartRequest.of(stagingOnly, ExecutionMode.AUTOMATIC, "production", "ana",
                Map.of()).confirmedWith("production")))
                .isInstanceOf(ExecutionRefusedException.class).hasMessageContaining("not written for environment 'production'");
    }
}
