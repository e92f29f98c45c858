package dev.firebreak.views.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.engine.runbook.Execution;
import dev.firebreak.engine.runbook.ExecutionMode;
import dev.firebreak.engine.runbook.ExecutionState;
import dev.firebreak.engine.runbook.StepState;
import dev.firebreak.views.task.CurrentThreadTaskExecutor;
import dev.firebreak.views.testing.EngineBackedRunbookDesk;
import dev.firebreak.views.testing.RecordingRunbookExecutor;
import dev.firebreak.views.testing.SampleRunbooks;
import dev.firebreak.views.testing.ScriptedSession;
import dev.firebreak.views.testing.Topologies;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The step-through's logic on a real runbook engine, without the toolkit: tasks run on the test's thread. */
class ExecutionViewModelTests {

    private static final String DRAIN = "action open the circuit breaker gateway -> checkout";
    private static final String RESTART = "action restart an instance of checkout";

    private final ScriptedSession session = new ScriptedSession(Topologies.shop(), 1);
    private final SimpleStringProperty operator = new SimpleStringProperty("alice");
    private final CurrentThreadTaskExecutor tasks = new CurrentThreadTaskExecutor();
    private EngineBackedRunbookDesk desk = deskDrivenOn(Runnable::run);
    private ExecutionViewModel run;

    private EngineBackedRunbookDesk deskDrivenOn(java.util.concurrent.Executor worker) {
        EngineBackedRunbookDesk made = EngineBackedRunbookDesk.on(session).runbook(SampleRunbooks.RESTART_CHECKOUT)
                .runbook(SampleRunbooks.FAILOVER_DATABASE).drivenOn(worker).build();
        session.withRunbooks(made);
        return made;
    }

    private ExecutionViewModel open(Execution execution) {
        run = new ExecutionViewModel(desk, session.events(), execution, operator::get, tasks);
        return run;
    }

    private ExecutionViewModel started(String runbookId, ExecutionMode mode, String starter) {
        return open(desk.startAs(starter, runbookId, mode, "simulator", Map.of(), ""));
    }

    private RecordingRunbookExecutor executor() {
        return desk.executor();
    }

    private StepState stateOf(ExecutionViewModel vm, int index) {
        return vm.steps().get(index).run().state();
    }

    private boolean allowed(ExecutionViewModel vm, RunAction action) {
        return vm.allowedProperty(action).get();
    }

    @AfterEach
    void close() {
        if (run != null) {
            run.close();
        }
    }

    @Test
    void waitingStepShowsItsExactTextAndOnlyTheActionsTheEngineTakes() {
        ExecutionViewModel vm = started("restart-checkout", ExecutionMode.STEP_BY_STEP, "alice");

        assertThat(vm.shownProperty().get().run().rendered()).isEqualTo(DRAIN);
        assertThat(vm.shownProperty().get().current()).isTrue();
        assertThat(allowed(vm, RunAction.APPROVE)).isTrue();
        assertThat(allowed(vm, RunAction.DENY)).isTrue();
        assertThat(allowed(vm, RunAction.SKIP)).isTrue();
        assertThat(allowed(vm, RunAction.ABORT)).isTrue();
        assertThat(allowed(vm, RunAction.RETRY)).isFalse();
        assertThat(allowed(vm, RunAction.RESUME)).isFalse();
        assertThat(allowed(vm, RunAction.ROLL_BACK)).as("nothing succeeded yet, nothing to undo").isFalse();
        assertThat(executor().calls()).isEmpty();
    }

    @Test
    void approvalRunsTheStepAsShownAndTheStepThroughMovesToTheNext() {
        ExecutionViewModel vm = started("restart-checkout", ExecutionMode.STEP_BY_STEP, "alice");

        vm.approve();

        assertThat(executor().calls()).containsExactly(DRAIN);
        assertThat(stateOf(vm, 0)).isEqualTo(StepState.SUCCEEDED);
        assertThat(vm.steps().getFirst().run().approvals()).extracting(a -> a.person()).containsExactly("alice");
        assertThat(vm.selectedIndexProperty().get()).as("follows the run to its current step").isEqualTo(1);
        assertThat(vm.shownProperty().get().run().rendered()).isEqualTo(RESTART);
        assertThat(vm.refusalProperty().get()).isEmpty();
        assertThat(allowed(vm, RunAction.ROLL_BACK)).isTrue();
    }

    @Test
    void stepNotRunYetShowsTheOutputOfTheStepBeforeToReadBeforeApproving() {
        ExecutionViewModel vm = started("restart-checkout", ExecutionMode.STEP_BY_STEP, "alice");
        assertThat(vm.outputTitleProperty().get()).isEqualTo("Output");
        assertThat(vm.shownOutputProperty().get()).isEmpty();

        vm.approve();

        assertThat(vm.outputTitleProperty().get())
                .isEqualTo("Latest output: 1. Stop the gateway's calls to the service");
        assertThat(vm.shownOutputProperty().get()).isEqualTo("$ " + DRAIN + "\nok: done in 0.4 s");
    }

    @Test
    void failedStepPausesTheRunAndRetryRunsItAgain() {
        ExecutionViewModel vm = started("restart-checkout", ExecutionMode.STEP_BY_STEP, "alice");
        vm.approve();
        executor().failNext("restart an instance", 1);

        vm.approve();

        assertThat(stateOf(vm, 1)).isEqualTo(StepState.FAILED);
        assertThat(vm.executionProperty().get().state()).isEqualTo(ExecutionState.PAUSED);
        assertThat(vm.shownOutputProperty().get()).contains("refused by the target");
        assertThat(allowed(vm, RunAction.RETRY)).isTrue();
        assertThat(allowed(vm, RunAction.SKIP)).isTrue();
        assertThat(allowed(vm, RunAction.APPROVE)).isFalse();

        vm.retry();

        assertThat(stateOf(vm, 1)).isEqualTo(StepState.SUCCEEDED);
        assertThat(vm.steps().get(1).run().attempts()).isEqualTo(2);
        assertThat(executor().callsOf("restart an instance of checkout")).isEqualTo(2);
    }

    @Test
    void skipGoesOnWithoutRunningTheStepAndRollBackUndoesWhatSucceeded() {
        ExecutionViewModel vm = started("restart-checkout", ExecutionMode.STEP_BY_STEP, "alice");
        vm.approve();
        vm.approve();

        vm.reasonProperty().set("cache warms itself");
        vm.skip();

        assertThat(stateOf(vm, 2)).isEqualTo(StepState.SKIPPED);
        assertThat(vm.steps().get(2).run().message()).isEqualTo("skipped by alice: cache warms itself");
        assertThat(executor().callsOf("warm cache")).isZero();
        assertThat(vm.reasonProperty().get()).as("a reason is for one action").isEmpty();

        vm.rollBack();

        assertThat(vm.executionProperty().get().state()).isEqualTo(ExecutionState.ROLLED_BACK);
        assertThat(stateOf(vm, 0)).isEqualTo(StepState.ROLLED_BACK);
        assertThat(executor().calls().getLast()).isEqualTo("action close the circuit breaker gateway -> checkout");
        assertThat(RunAction.values()).allSatisfy(action -> assertThat(allowed(vm, action)).isFalse());
    }

    @Test
    void secondApprovalOfACriticalStepBySamePersonIsRefusedAndTheStepDoesNotRun() {
        ExecutionViewModel vm = started("failover-database", ExecutionMode.APPROVAL_ONLY, "ana");
        vm.approve();
        assertThat(vm.approvalNeedProperty().get().needsSecondPerson()).isFalse();

        vm.approve();

        ApprovalNeed need = vm.approvalNeedProperty().get();
        assertThat(need.needsSecondPerson()).isTrue();
        assertThat(need.secondPersonPrompt()).isEqualTo("A second person must approve: not alice, not ana (who started the run).");
        assertThat(vm.approverProperty().get()).as("the first approver is not offered as the second").isEmpty();

        vm.approverProperty().set("alice");
        vm.approve();

        assertThat(vm.refusalProperty().get()).isEqualTo("alice already approved step failover; a second approval must come"
                + " from someone else");
        assertThat(stateOf(vm, 1)).isEqualTo(StepState.WAITING_FOR_APPROVAL);
        assertThat(executor().calls()).noneMatch(call -> call.contains("fail over"));

        vm.approverProperty().set("ana");
        vm.approve();
        assertThat(vm.refusalProperty().get()).startsWith("ana started this run");

        vm.approverProperty().set("bob");
        vm.approve();

        assertThat(vm.refusalProperty().get()).isEmpty();
        assertThat(stateOf(vm, 1)).isEqualTo(StepState.SUCCEEDED);
        assertThat(vm.steps().get(1).run().approvals()).extracting(a -> a.person()).containsExactly("alice", "bob");
        assertThat(executor().calls()).contains("action fail over postgres-primary to its replica");
    }

    @Test
    void protectedEnvironmentApprovalNeedsItsNameTyped() {
        ExecutionViewModel vm = open(desk.startAs("alice", "restart-checkout", ExecutionMode.STEP_BY_STEP, "production",
                Map.of(), "production"));
        assertThat(vm.approvalNeedProperty().get().environmentPrompt())
                .isEqualTo("production is a protected environment: type its name to approve.");

        vm.approve();

        assertThat(vm.refusalProperty().get()).isEqualTo("'production' is a protected environment: type its name to confirm"
                + " the approval");
        assertThat(executor().calls()).isEmpty();

        vm.confirmationProperty().set("production");
        vm.approve();

        assertThat(executor().calls()).containsExactly(DRAIN);
        assertThat(vm.confirmationProperty().get()).as("asked again for the next step").isEmpty();
    }

    @Test
    void manualStepIsConfirmedDoneByThePersonAtTheConsole() {
        ExecutionViewModel vm = started("restart-checkout", ExecutionMode.APPROVAL_ONLY, "alice");
        vm.approve();
        assertThat(vm.approvalNeedProperty().get().manual()).isTrue();
        assertThat(vm.shownProperty().get().run().rendered()).isEqualTo("manual: Check that checkout's error rate is back under 1 %");

        vm.approve();

        assertThat(vm.executionProperty().get().state()).isEqualTo(ExecutionState.SUCCEEDED);
        assertThat(vm.steps().getLast().run().message()).isEqualTo("confirmed by alice");
    }

    @Test
    void outputStreamsWhileTheStepRunsAndTheScreenTakesItOncePerPulse() throws Exception {
        ExecutorService worker = Executors.newSingleThreadExecutor();
        desk = deskDrivenOn(worker);
        RecordingRunbookExecutor.Gate drain = executor().holdNext("open the circuit breaker");
        RecordingRunbookExecutor.Gate restart = executor().holdNext("restart an instance");
        Execution first = desk.startAs("alice", "restart-checkout", ExecutionMode.AUTOMATIC, "simulator", Map.of(), "");
        drain.awaitReached();
        ExecutionViewModel vm = open(desk.execution(first.id()).orElseThrow());
        drain.release();
        restart.awaitReached();

        assertThat(vm.executionProperty().get().current()).as("nothing applied between pulses").isZero();
        vm.refresh();

        assertThat(vm.shownProperty().get().step().id()).isEqualTo("restart");
        assertThat(vm.shownProperty().get().run().state()).isEqualTo(StepState.RUNNING);
        assertThat(vm.shownOutputProperty().get()).isEqualTo("$ " + RESTART);
        assertThat(vm.allowedProperty(RunAction.ABORT).get()).isTrue();
        assertThat(vm.allowedProperty(RunAction.SKIP).get()).as("a running step cannot be skipped").isFalse();

        restart.release();
        worker.shutdown();
        assertThat(worker.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        vm.refresh();

        assertThat(vm.steps().get(1).run().state()).isEqualTo(StepState.SUCCEEDED);
        vm.selectedIndexProperty().set(1);
        assertThat(vm.shownOutputProperty().get()).isEqualTo("$ " + RESTART + "\nok: done in 0.4 s");
        assertThat(vm.executionProperty().get().state()).as("the manual step waits for a person")
                .isEqualTo(ExecutionState.WAITING_FOR_APPROVAL);
    }

    @Test
    void legalActionsFollowTheEnginesTables() {
        Execution waiting = desk.startAs("alice", "restart-checkout", ExecutionMode.STEP_BY_STEP, "simulator", Map.of(), "");
        assertThat(RunAction.legal(waiting)).containsExactlyInAnyOrder(RunAction.APPROVE, RunAction.DENY, RunAction.SKIP,
                RunAction.ABORT);

        Execution denied = desk.deny(waiting.id(), "drain", "bob", "not now");
        assertThat(RunAction.legal(denied)).containsExactlyInAnyOrder(RunAction.SKIP, RunAction.RETRY, RunAction.ABORT);

        Execution aborted = desk.abort(waiting.id(), "bob", "wrong runbook");
        assertThat(RunAction.legal(aborted)).isEmpty();
        assertThat(List.of(RunStates.label(aborted.state()), RunStates.label(denied.step("drain").state())))
                .containsExactly("⊘ aborted", "⊘ denied");
    }
}
