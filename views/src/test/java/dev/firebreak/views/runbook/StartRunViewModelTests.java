package dev.firebreak.views.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.engine.runbook.Execution;
import dev.firebreak.engine.runbook.ExecutionMode;
import dev.firebreak.engine.runbook.ExecutionState;
import dev.firebreak.engine.runbook.Runbook;
import dev.firebreak.views.task.CurrentThreadTaskExecutor;
import dev.firebreak.views.testing.EngineBackedRunbookDesk;
import dev.firebreak.views.testing.SampleRunbooks;
import dev.firebreak.views.testing.ScriptedSession;
import dev.firebreak.views.testing.Topologies;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Starting a run: defaults, the plan as the values change, protected environments, incidents; without the toolkit. */
class StartRunViewModelTests {

    private final ScriptedSession session = new ScriptedSession(Topologies.shop(), 1);
    private final EngineBackedRunbookDesk desk = EngineBackedRunbookDesk.on(session).runbook(SampleRunbooks.SCALE_OUT)
            .runbook(SampleRunbooks.RESTART_CHECKOUT).build();
    private final List<Long> opened = new ArrayList<>();
    private final RunbookNavigation navigation = new RunbookNavigation() {
        @Override
        public void openRun(long executionId) {
            opened.add(executionId);
        }

        @Override
        public void runbookSaved(Runbook runbook) {
        }
    };

    private StartRunViewModel dialog(String runbookId, ExecutionMode mode) {
        return new StartRunViewModel(desk, desk.runbook(runbookId).orElseThrow(), mode, () -> "alice",
                new CurrentThreadTaskExecutor(), navigation);
    }

    private StartRunViewModel.ParameterField field(StartRunViewModel start, String name) {
        return start.parameters().stream().filter(p -> p.parameter().name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void defaultsFillTheFieldsAndThePlanShowsExactlyWhatWillRun() {
        StartRunViewModel start = dialog("scale-out", ExecutionMode.STEP_BY_STEP);

        assertThat(start.environmentProperty().get()).isEqualTo("simulator");
        assertThat(field(start, "replicas").value().get()).isEqualTo("6");
        assertThat(start.plan()).singleElement().satisfies(step -> {
            assertThat(step.rendered()).isEqualTo("action scale checkout to 6 replicas");
            assertThat(step.approvals()).isEqualTo(1);
        });
    }

    @Test
    void planIsRenderedAgainAsValuesChangeAndNamesWhatIsWrong() {
        StartRunViewModel start = dialog("scale-out", ExecutionMode.APPROVAL_ONLY);

        field(start, "replicas").value().set("12");
        assertThat(start.plan().getFirst().rendered()).isEqualTo("action scale checkout to 12 replicas");

        field(start, "replicas").value().set("many");
        assertThat(start.plan().getFirst().problem()).contains("replicas must be a whole number, was 'many'");
    }

    @Test
    void protectedEnvironmentIsRefusedUntilItsNameIsTyped() {
        StartRunViewModel start = dialog("restart-checkout", ExecutionMode.STEP_BY_STEP);
        start.environmentProperty().set("production");
        assertThat(start.protectedEnvironmentProperty().get()).isTrue();

        start.start();

        assertThat(start.messageProperty().get()).isEqualTo("'production' is a protected environment: type its name to confirm");
        assertThat(start.startedProperty().get()).isNull();
        assertThat(desk.executions()).isEmpty();

        start.confirmationProperty().set("production");
        start.start();

        Execution run = start.startedProperty().get();
        assertThat(run.environment()).isEqualTo("production");
        assertThat(run.state()).isEqualTo(ExecutionState.WAITING_FOR_APPROVAL);
        assertThat(opened).containsExactly(run.id());
    }

    @Test
    void dryRunRendersEveryStepAndRunsNothing() {
        StartRunViewModel start = dialog("restart-checkout", ExecutionMode.DRY_RUN);

        start.start();

        assertThat(start.startedProperty().get().state()).isEqualTo(ExecutionState.SUCCEEDED);
        assertThat(desk.executor().calls()).isEmpty();
    }

    @Test
    void runForAnIncidentTakesTheDiagnosedComponentAndCarriesTheIncidentsLabels() {
        StartRunViewModel start = dialog("restart-checkout", ExecutionMode.STEP_BY_STEP)
                .forIncident(4, Optional.of("orders"), Map.of("fault_kind", "memory-leak"));

        assertThat(field(start, "service").value().get()).isEqualTo("orders");
        assertThat(start.plan().getFirst().rendered()).isEqualTo("action open the circuit breaker gateway -> orders");

        start.start();

        Execution run = start.startedProperty().get();
        assertThat(run.incidentId()).contains(4L);
        assertThat(run.labels()).containsEntry("fault_kind", "memory-leak");
        assertThat(run.parameters()).containsEntry("service", "orders");
    }
}
