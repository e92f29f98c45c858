package dev.firebreak.engine.runbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebreak.engine.executor.Invocation;
import dev.firebreak.engine.executor.Outcome;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunbookEngineRunTests {

    private static final String SCALE_AND_CHECK = """
            id: scale-and-check
            title: Scale out and check
            parameters:
              - name: service
                type: component
              - name: replicas
                type: integer
                default: "4"
            steps:
              - id: scale
                type: command
                simulator: {action: scale, target: "{{params.service}}", replicas: "{{params.replicas}}"}
                rollback:
                  simulator: {action: scale, target: "{{params.service}}", replicas: "2"}
              - id: restart
                type: command
                simulator: {action: restart, target: "{{params.service}}"}
                retries: 2
                retryDelay: 30s
                rollback:
                  simulator: {action: rollback, target: "{{params.service}}"}
              - id: check
                type: command
                command: [probe, "{{params.service}}", "{{steps.restart.output}}"]
            """;

    @Test
    void automaticRunExecutesEveryStepInOrderWithRenderedArguments() {
        EngineFixture fixture = new EngineFixture();
        RunbookEngine engine = fixture.engine();
        Runbook runbook = EngineFixture.runbook(SCALE_AND_CHECK);

        Execution done = engine.start(EngineFixture.request(runbook, ExecutionMode.AUTOMATIC, "ana", Map.of("service", "catalog")));

        assertThat(done.state()).isEqualTo(ExecutionState.SUCCEEDED);
        assertThat(done.steps()).extracting(StepRun::state).containsOnly(StepState.SUCCEEDED);
        assertThat(fixture.executor.rendered()).containsExactly(
                "action scale catalog to 4 replicas",
                "action restart an instance of catalog",
                "exec [\"probe\" \"catalog\" \"ok\"] timeout PT5M");
        assertThat(fixture.actions(done.id())).startsWith("runbook.started").endsWith("runbook.succeeded");
    }

    @Test
    void failingStepIsRetriedAfterItsDelayThenSucceeds() {
        EngineFixture fixture = new EngineFixture();
        fixture.executor.answers.add(Outcome.succeeded("scaled", "done"));
        fixture.executor.answers.add(Outcome.failed(1, "", "restart refused"));
        RunbookEngine engine = fixture.engine();
        java.time.Instant before = fixture.clock.instant();

        Execution done = engine.start(EngineFixture.request(EngineFixture.runbook(SCALE_AND_CHECK), ExecutionMode.AUTOMATIC,
                "ana", Map.of("service", "catalog")));

        assertThat(done.state()).isEqualTo(ExecutionState.SUCCEEDED);
        assertThat(done.step("restart").attempts()).isEqualTo(2);
        assertThat(fixture.clock.instant()).isEqualTo(before.plus(Duration.ofSeconds(30)));
    }

    @Test
    void automaticFailureRollsBackSucceededStepsNewestFirst() {
        EngineFixture fixture = new EngineFixture();
        fixture.executor.during = invocation -> invocation.render().contains("\"probe\"")
                ? Outcome.failed(2, "still broken", "probe failed") : null;
        RunbookEngine engine = fixture.engine();

        Execution done = engine.start(EngineFixture.request(EngineFixture.runbook(SCALE_AND_CHECK), ExecutionMode.AUTOMATIC,
                "ana", Map.of("service", "catalog")));

        assertThat(done.state()).isEqualTo(ExecutionState.ROLLED_BACK);
        assertThat(done.step("check").state()).isEqualTo(StepState.FAILED);
        assertThat(done.step("restart").state()).isEqualTo(StepState.ROLLED_BACK);
        assertThat(done.step("scale").state()).isEqualTo(StepState.ROLLED_BACK);
        List<String> rendered = fixture.executor.rendered();
        assertThat(rendered.subList(rendered.size() - 2, rendered.size())).containsExactly(
                "action roll back the last deployment of catalog", "action scale catalog to 2 replicas");
    }

    @Test
    void aFailedRollbackLeavesTheRunFailedNotRolledBack() {
        EngineFixture fixture = new EngineFixture();
        fixture.executor.during = invocation -> invocation.render().contains("\"probe\"")
                || invocation.render().contains("to 2 replicas") ? Outcome.failed(1, "", "no") : null;
        RunbookEngine engine = fixture.engine();

        Execution done = engine.start(EngineFixture.request(EngineFixture.runbook(SCALE_AND_CHECK), ExecutionMode.AUTOMATIC,
                "ana", Map.of("service", "catalog")));

        assertThat(done.state()).isEqualTo(ExecutionState.FAILED);
        assertThat(done.step("scale").state()).isEqualTo(StepState.ROLLBACK_FAILED);
        assertThat(done.message()).contains("half undone");
    }

    @Test
    void interactiveFailurePausesForRetryOrSkip() {
        EngineFixture fixture = new EngineFixture();
        fixture.executor.during = invocation -> invocation.render().contains("\"probe\"")
                ? Outcome.failed(2, "", "probe failed") : null;
        RunbookEngine engine = fixture.engine();
        Execution run = engine.start(EngineFixture.request(EngineFixture.runbook(SCALE_AND_CHECK), ExecutionMode.APPROVAL_ONLY,
                "ana", Map.of("service", "catalog")));

        assertThat(run.state()).isEqualTo(ExecutionState.PAUSED);
        assertThat(run.step("check").state()).isEqualTo(StepState.FAILED);
        assertThatThrownBy(() -> engine.retry(run.id(), "scale", "ana")).isInstanceOf(ExecutionRefusedException.class)
                .hasMessageContaining("not the current step");

        fixture.executor.during = invocation -> null;
        Execution retried = engine.retry(run.id(), "check", "ana");
        assertThat(retried.state()).isEqualTo(ExecutionState.SUCCEEDED);
        assertThat(retried.step("check").attempts()).isEqualTo(2);
    }

    @Test
    void skippingAFailedStepCarriesOnWithTheNext() {
        EngineFixture fixture = new EngineFixture();
        fixture.executor.during = invocation -> invocation.render().contains("restart") ? Outcome.failed(1, "", "no") : null;
        RunbookEngine engine = fixture.engine();
        Execution run = engine.start(EngineFixture.request(EngineFixture.runbook(SCALE_AND_CHECK), ExecutionMode.APPROVAL_ONLY,
                "ana", Map.of("service", "catalog")));
        assertThat(run.step("restart").attempts()).isEqualTo(3);

        Execution skipped = engine.skip(run.id(), "restart", "ana", "restart is not possible");

        // The check needs the restart's output, which never came: it fails naming the variable instead of guessing.
        assertThat(skipped.step("restart").state()).isEqualTo(StepState.SKIPPED);
        assertThat(skipped.step("check").state()).isEqualTo(StepState.FAILED);
        assertThat(skipped.step("check").message()).contains("{{steps.restart.output}}");
        assertThat(skipped.state()).isEqualTo(ExecutionState.PAUSED);
    }

    @Test
    void unknownVariableFailsTheStepNamingIt() {
        EngineFixture fixture = new EngineFixture();
        RunbookEngine engine = fixture.engine();
        Runbook runbook = EngineFixture.runbook("""
                id: typo
                title: Typo
                steps:
                  - id: one
                    type: command
                    command: [echo, "{{labels.servce}}"]
                """);

        Execution run = engine.start(EngineFixture.request(runbook, ExecutionMode.AUTOMATIC, "ana", Map.of()));

        assertThat(run.state()).isEqualTo(ExecutionState.FAILED);
        assertThat(run.step("one").message()).contains("unknown variable {{labels.servce}}");
        assertThat(fixture.executor.calls).isEmpty();
    }

    @Test
    void missingAndMistypedParametersAreRefusedBeforeAnythingRuns() {
        EngineFixture fixture = new EngineFixture();
        RunbookEngine engine = fixture.engine();
        Runbook runbook = EngineFixture.runbook(SCALE_AND_CHECK);

        assertThatThrownBy(() -> engine.start(EngineFixture.request(runbook, ExecutionMode.AUTOMATIC, "ana", Map.of())))
                .isInstanceOf(ExecutionRefusedException.class).hasMessageContaining("parameter 'service' is required");
        assertThatThrownBy(() -> engine.start(EngineFixture.request(runbook, ExecutionMode.AUTOMATIC, "ana",
                Map.of("service", "catalog", "replicas", "four"))))
                .isInstanceOf(ExecutionRefusedException.class).hasMessageContaining("'four' is not a whole number");
        assertThatThrownBy(() -> engine.start(EngineFixture.request(runbook, ExecutionMode.AUTOMATIC, "ana",
                Map.of("service", "catalog", "force", "yes"))))
                .isInstanceOf(ExecutionRefusedException.class).hasMessageContaining("no parameter 'force'");
        assertThat(fixture.executor.calls).isEmpty();
        assertThat(engine.executions()).isEmpty();
    }

    @Test
    void decisionTakesItsBranchAndSkipsTheStepsBetween() {
        EngineFixture fixture = new EngineFixture();
        fixture.metrics.put("orders.latency_p99", 900.0);
        RunbookEngine engine = fixture.engine();
        Runbook runbook = EngineFixture.runbook("""
                id: branch
                title: Branch
                steps:
                  - id: slow
                    type: decision
                    condition: "{{metrics.orders.latency_p99}} > 500"
                    then: scale
                  - id: note
                    type: command
                    command: [echo, fast]
                  - id: scale
                    type: command
                    simulator: {action: scale, target: orders, replicas: "6"}
                """);

        Execution run = engine.start(EngineFixture.request(runbook, ExecutionMode.AUTOMATIC, "ana", Map.of()));

        assertThat(run.state()).isEqualTo(ExecutionState.SUCCEEDED);
        assertThat(run.step("slow").rendered()).isEqualTo("900.0 > 500");
        assertThat(run.step("note").state()).isEqualTo(StepState.SKIPPED);
        assertThat(fixture.executor.rendered()).containsExactly("action scale orders to 6 replicas");
    }

    @Test
    void validationPassesOnlyAfterTheConditionHeldForItsHoldTime() {
        EngineFixture fixture = new EngineFixture();
        fixture.metrics.put("orders.error_rate", 12.0);
        // The metric recovers after 20 s of engine time.
        java.time.Instant recovered = fixture.clock.instant().plusSeconds(20);
        fixture.executorInUse = fixture.executor;
        RunbookEngine engine = new RunbookEngine(fixture.config, new RunbookEngine.Wiring(fixture.executor, fixture.store,
                (component, metric) -> java.util.OptionalDouble.of(fixture.clock.instant().isBefore(recovered) ? 12.0 : 0.5),
                RunbookJournal.NONE, fixture.bus, fixture.clock, fixture.clock::advance, Runnable::run, HaltSwitch.NEVER));
        Runbook runbook = EngineFixture.runbook("""
                id: validate
                title: Validate
                steps:
                  - id: recovered
                    type: validation
                    condition: "{{metrics.orders.error_rate}} < 1"
                    hold: 30s
                    timeout: 2m
                """);
        java.time.Instant start = fixture.clock.instant();

        Execution run = engine.start(EngineFixture.request(runbook, ExecutionMode.AUTOMATIC, "ana", Map.of()));

        assertThat(run.state()).isEqualTo(ExecutionState.SUCCEEDED);
        assertThat(Duration.between(start, fixture.clock.instant())).isEqualTo(Duration.ofSeconds(50));
        assertThat(run.step("recovered").message()).contains("held for 30s");
    }

    @Test
    void metricOfTheComponentAParameterNamesIsReadThroughTheParameter() {
        EngineFixture fixture = new EngineFixture();
        fixture.metrics.put("search.error_rate", 0.2);
        fixture.metrics.put("catalog.error_rate", 40.0);
        RunbookEngine engine = fixture.engine();
        Runbook runbook = EngineFixture.runbook("""
                id: param-metric
                title: Parameter metric
                parameters:
                  - name: service
                    type: component
                steps:
                  - id: healthy
                    type: validation
                    condition: "{{metrics.@service.error_rate}} < 1"
                    timeout: 10s
                """);

        Execution search = engine.start(EngineFixture.request(runbook, ExecutionMode.AUTOMATIC, "ana", Map.of("service", "search")));
        Execution catalog = engine.start(EngineFixture.request(runbook, ExecutionMode.AUTOMATIC, "ana",
                Map.of("service", "catalog")));

        assertThat(search.state()).isEqualTo(ExecutionState.SUCCEEDED);
        assertThat(catalog.state()).isEqualTo(ExecutionState.FAILED);
        assertThat(catalog.step("healthy").message()).contains("40.0 < 1");
    }

    @Test
    void validationThatNeverHoldsTimesOut() {
        EngineFixture fixture = new EngineFixture();
        fixture.metrics.put("orders.error_rate", 12.0);
        RunbookEngine engine = fixture.engine();
        Runbook runbook = EngineFixture.runbook("""
                id: validate
                title: Validate
                steps:
                  - id: recovered
                    type: validation
                    condition: "{{metrics.orders.error_rate}} < 1"
                    hold: 30s
                    timeout: 2m
                """);

        Execution run = engine.start(EngineFixture.request(runbook, ExecutionMode.AUTOMATIC, "ana", Map.of()));

        assertThat(run.state()).isEqualTo(ExecutionState.FAILED);
        assertThat(run.step("recovered").message()).contains("did not hold for 30s within 2m").contains("12.0 < 1");
    }

    @Test
    void preconditionThatDoesNotHoldRefusesTheStart() {
        EngineFixture fixture = new EngineFixture();
        fixture.metrics.put("postgres-primary.replication_lag", 45.0);
        RunbookEngine engine = fixture.engine();
        Runbook runbook = EngineFixture.runbook("""
                id: failover
                title: Failover
                preconditions:
                  - "{{metrics.postgres-primary.replication_lag}} < 5"
                steps:
                  - id: failover
                    type: command
                    simulator: {action: failover, target: postgres-primary}
                """);

        assertThatThrownBy(() -> engine.start(EngineFixture.request(runbook, ExecutionMode.AUTOMATIC, "ana", Map.of())))
                .isInstanceOf(ExecutionRefusedException.class).hasMessageContaining("45.0 < 5");
        assertThat(fixture.executor.calls).isEmpty();
    }

    @Test
    void preconditionsAreCheckedAheadForTheParametersGivenWithoutStartingOrRecordingARun() {
        EngineFixture fixture = new EngineFixture();
        RunbookEngine engine = fixture.engine();
        Runbook runbook = EngineFixture.runbook("""
                id: break-circuit
                title: Break the circuit
                parameters:
                  - {name: callRequired, type: boolean, default: "true", description: "the caller has no fallback"}
                preconditions:
                  - "{{params.callRequired}} == false"
                steps:
                  - id: open
                    type: command
                    simulator: {action: open-breaker, target: web, callee: recommendations}
                """);

        assertThat(engine.unmetPrecondition(EngineFixture.request(runbook, ExecutionMode.AUTOMATIC, "ana", Map.of())))
                .hasValueSatisfying(why -> assertThat(why).contains("{{params.callRequired}} == false").contains("true == false")
                        .endsWith("; callRequired: the caller has no fallback"));
        assertThat(engine.unmetPrecondition(EngineFixture.request(runbook, ExecutionMode.AUTOMATIC, "ana",
                Map.of("callRequired", "false")))).isEmpty();
        assertThat(engine.executions()).isEmpty();
        assertThat(fixture.executor.calls).isEmpty();
    }

    @Test
    void dryRunRendersEveryStepAndRunsNothing() {
        EngineFixture fixture = new EngineFixture();
        RunbookEngine engine = fixture.engine();

        Execution run = engine.start(EngineFixture.request(EngineFixture.runbook(SCALE_AND_CHECK), ExecutionMode.DRY_RUN,
                "ana", Map.of("service", "catalog")));

        assertThat(run.state()).isEqualTo(ExecutionState.SUCCEEDED);
        assertThat(run.steps()).extracting(StepRun::rendered).containsExactly("action scale catalog to 4 replicas",
                "action restart an instance of catalog", "exec [\"probe\" \"catalog\" \"<steps.restart.output>\"] timeout PT5M");
        assertThat(fixture.executor.calls).isEmpty();
    }

    @Test
    void haltStopsAtTheNextSafePointRollsBackWhatRanAndRefusesNewRuns() {
        EngineFixture fixture = new EngineFixture();
        fixture.executor.during = invocation -> {
            if (invocation instanceof Invocation.Simulator simulator && simulator.action().describe().startsWith("scale")
                    && fixture.executor.calls.size() == 1) {
                fixture.halt.set("operator pressed HALT");
            }
            return null;
        };
        RunbookEngine engine = fixture.engine();

        Execution run = engine.start(EngineFixture.request(EngineFixture.runbook(SCALE_AND_CHECK), ExecutionMode.AUTOMATIC,
                "ana", Map.of("service", "catalog")));

        assertThat(run.state()).isEqualTo(ExecutionState.ROLLED_BACK);
        assertThat(run.message()).contains("HALT: operator pressed HALT");
        assertThat(run.step("scale").state()).isEqualTo(StepState.ROLLED_BACK);
        assertThat(run.step("restart").state()).isEqualTo(StepState.PENDING);
        assertThat(fixture.executor.calls).hasSize(2);
        assertThat(fixture.executor.calls.get(1).render()).contains("2 replicas");
        assertThatThrownBy(() -> engine.start(EngineFixture.request(EngineFixture.runbook(SCALE_AND_CHECK),
                ExecutionMode.AUTOMATIC, "ana", Map.of("service", "catalog"))))
                .isInstanceOf(ExecutionRefusedException.class).hasMessageContaining("HALT is on");
    }

    @Test
    void haltPressedEndsARunWaitingForApprovalWithItsRollbacks() {
        EngineFixture fixture = new EngineFixture();
        RunbookEngine engine = fixture.engine();
        Execution run = engine.start(EngineFixture.request(EngineFixture.runbook(SCALE_AND_CHECK), ExecutionMode.STEP_BY_STEP,
                "ana", Map.of("service", "catalog")));
        run = engine.approve(run.id(), "scale", "bob", run.step("scale").hash(), "");
        assertThat(run.state()).isEqualTo(ExecutionState.WAITING_FOR_APPROVAL);
        assertThat(run.current()).isEqualTo(1);

        fixture.halt.set("game day went wrong");
        engine.haltPressed();

        Execution halted = engine.execution(run.id()).orElseThrow();
        assertThat(halted.state()).isEqualTo(ExecutionState.ROLLED_BACK);
        assertThat(halted.step("scale").state()).isEqualTo(StepState.ROLLED_BACK);
        assertThat(fixture.executor.calls).hasSize(2);
    }

    @Test
    void abortEndsTheRunAndTakesNoMoreActions() {
        EngineFixture fixture = new EngineFixture();
        RunbookEngine engine = fixture.engine();
        Execution run = engine.start(EngineFixture.request(EngineFixture.runbook(SCALE_AND_CHECK), ExecutionMode.STEP_BY_STEP,
                "ana", Map.of("service", "catalog")));
        assertThat(run.state()).isEqualTo(ExecutionState.WAITING_FOR_APPROVAL);

        Execution aborted = engine.abort(run.id(), "ana", "wrong service");

        assertThat(aborted.state()).isEqualTo(ExecutionState.ABORTED);
        assertThatThrownBy(() -> engine.approve(run.id(), "scale", "bob", aborted.step("scale").hash(), ""))
                .isInstanceOf(ExecutionRefusedException.class).hasMessageContaining("ABORTED");
        assertThat(fixture.executor.calls).isEmpty();
    }
}
