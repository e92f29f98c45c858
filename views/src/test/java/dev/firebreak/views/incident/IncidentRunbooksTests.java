package dev.firebreak.views.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.engine.fault.FaultSpec;
import dev.firebreak.engine.fault.FaultType;
import dev.firebreak.engine.health.HealthState;
import dev.firebreak.engine.incident.IncidentState;
import dev.firebreak.engine.runbook.Execution;
import dev.firebreak.engine.runbook.Runbook;
import dev.firebreak.views.runbook.RunbookEditorViewModel;
import dev.firebreak.views.runbook.RunbookNavigation;
import dev.firebreak.views.runbook.StartRunViewModel;
import dev.firebreak.views.testing.EngineBackedRunbookDesk;
import dev.firebreak.views.testing.SampleRunbooks;
import dev.firebreak.views.testing.ScriptedSession;
import dev.firebreak.views.testing.Topologies;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An incident's suggested runbooks, starting one for it, and the draft of a runbook once it is resolved. */
class IncidentRunbooksTests {

    private final ScriptedSession session = new ScriptedSession(Topologies.shop(), 3);
    private final EngineBackedRunbookDesk desk = EngineBackedRunbookDesk.on(session).runbook(SampleRunbooks.RESTART_CHECKOUT)
            .runbook(SampleRunbooks.FAILOVER_DATABASE).runbook(SampleRunbooks.CLEAR_CACHE).build();
    private final List<Long> opened = new ArrayList<>();
    private IncidentViewModel incident;

    @BeforeEach
    void ordersFailsWithErrorsOfItsOwn() {
        session.withRunbooks(desk);
        session.advance(600);
        session.faults().inject(new FaultSpec(FaultType.LATENCY, "orders", Optional.empty(), 900, session.clock().instant(),
                Duration.ofMinutes(30)));
        session.advance(120);
        session.setHealth("orders", HealthState.CRITICAL);
        session.setHealth("checkout", HealthState.DEGRADED);
        session.advance(30);
        IncidentsViewModel list = new IncidentsViewModel(session, new SimpleStringProperty("alice"), name -> true, id -> { });
        list.setRunbookNavigation(new RunbookNavigation() {
            @Override
            public void openRun(long executionId) {
                opened.add(executionId);
            }

            @Override
            public void runbookSaved(Runbook runbook) {
            }
        });
        list.open(list.rows().getFirst().id());
        incident = list.selectedProperty().get();
    }

    @Test
    void runbooksAnsweringTheDiagnosedCauseAreSuggestedWithWhy() {
        assertThat(incident.causes().getFirst().cause().component()).isEqualTo("orders");

        assertThat(incident.suggestedRunbooks()).singleElement().satisfies(match -> {
            assertThat(match.runbook().id()).isEqualTo("restart-checkout");
            assertThat(match.reasons()).containsExactly("answers errors");
        });
    }

    @Test
    void startingASuggestionFillsInTheDiagnosedComponentAndLabelsTheRunForTheIncident() {
        StartRunViewModel start = incident.startRunbook(incident.suggestedRunbooks().getFirst());

        assertThat(start.parameters().getFirst().value().get()).isEqualTo("orders");
        assertThat(start.plan().getFirst().rendered()).isEqualTo("action open the circuit breaker gateway -> orders");
        start.start();

        Execution run = start.startedProperty().get();
        assertThat(run.incidentId()).contains(incident.id());
        assertThat(run.labels()).containsEntry("fault_kind", "errors").containsEntry("component", "orders");
        assertThat(opened).containsExactly(run.id());
    }

    @Test
    void resolvedIncidentDraftsARunbookFromWhatWasRun() {
        StartRunViewModel start = incident.startRunbook(incident.suggestedRunbooks().getFirst());
        start.start();
        long run = start.startedProperty().get().id();
        desk.approve(run, "drain", "alice", desk.execution(run).orElseThrow().step("drain").hash(), "");
        assertThat(incident.resolvedProperty().get()).isFalse();

        incident.moveTo(IncidentState.RESOLVED, "orders restarted");
        RunbookEditorViewModel draft = incident.draftRunbook();

        assertThat(incident.resolvedProperty().get()).isTrue();
        assertThat(draft.textProperty().get()).contains("kind: dynamic").contains("{action: open-breaker, target: ");
        assertThat(draft.validProperty().get()).as(draft.problemProperty().get()).isTrue();
    }
}
