package dev.firebreak.views.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.engine.health.HealthState;
import dev.firebreak.engine.incident.IncidentSeverity;
import dev.firebreak.engine.incident.IncidentState;
import dev.firebreak.engine.incident.Role;
import dev.firebreak.engine.incident.StatusTemplate;
import dev.firebreak.engine.incident.TimelineKind;
import dev.firebreak.views.testing.ScriptedDesk;
import dev.firebreak.views.testing.ScriptedSession;
import dev.firebreak.views.testing.Topologies;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The commander's commands on one incident, without the toolkit. */
class IncidentViewModelTests {

    private final ScriptedSession session = new ScriptedSession(Topologies.shop(), 3);
    private final SimpleStringProperty operator = new SimpleStringProperty("alice");
    private IncidentsViewModel list;
    private IncidentViewModel incident;

    @BeforeEach
    void databaseFails() {
        session.advance(60);
        session.setHealth("postgres-primary", HealthState.FAILED);
        session.setHealth("orders", HealthState.DEGRADED);
        session.advance(1);
        list = new IncidentsViewModel(session, operator, name -> {
            operator.set(name);
            return true;
        }, id -> { });
        list.open(list.rows().getFirst().id());
        incident = list.selectedProperty().get();
    }

    @Test
    void listShowsTheOpenIncidentUnacknowledged() {
        assertThat(list.rows()).hasSize(1);
        assertThat(list.summaryProperty().get()).isEqualTo("1 open (1 unacknowledged), 0 resolved or closed");
        assertThat(incident.incidentProperty().get().title()).isEqualTo("postgres-primary failed");
    }

    @Test
    void onlyTheLegalMovesAreOffered() {
        assertThat(incident.moves()).containsExactly(IncidentState.TRIAGED, IncidentState.INVESTIGATING,
                IncidentState.MITIGATING, IncidentState.RESOLVED, IncidentState.CANCELLED);

        incident.moveTo(IncidentState.RESOLVED, "");

        assertThat(incident.moves()).containsExactly(IncidentState.INVESTIGATING, IncidentState.CLOSED);
    }

    @Test
    void commanderFlowLandsOnTheTimelineUnderTheOperatorsName() {
        incident.acknowledge();
        incident.takeCommand();
        incident.addNote("failing over to the replica");
        incident.overrideSeverity(IncidentSeverity.P0, "checkout is down for everyone");
        operator.set("bob");
        incident.assign(Role.COMMANDER, "carol");

        assertThat(incident.timeline()).extracting(e -> e.kind() + " " + e.actor()).contains("ACKNOWLEDGED alice",
                "ROLE alice", "NOTE alice", "SEVERITY alice", "ROLE bob");
        assertThat(incident.incidentProperty().get().commander()).contains("carol");
        assertThat(incident.rolesTextProperty().get()).contains("Incident commander carol").contains("Acknowledged by alice");
        assertThat(incident.verificationProperty().get()).startsWith("Timeline intact");
    }

    @Test
    void refusedCommandsSayWhyAndChangeNothing() {
        assertThat(incident.overrideSeverity(IncidentSeverity.P0, " ")).isFalse();
        assertThat(incident.messageProperty().get()).contains("Say why");
        assertThat(incident.moveTo(IncidentState.CLOSED, "")).isFalse();
        assertThat(incident.messageProperty().get()).contains("illegal transition from DETECTED to CLOSED");
        assertThat(incident.incidentProperty().get().state()).isEqualTo(IncidentState.DETECTED);
    }

    @Test
    void statusUpdateIsDraftedFromTheOwedTemplateAndSent() {
        incident.takeCommand();
        assertThat(incident.dueTemplate()).isEqualTo(StatusTemplate.INITIAL);
        String draft = incident.draftStatusUpdate(incident.dueTemplate());
        assertThat(draft).startsWith("INCIDENT DETECTED: ").contains("Severity: P1").contains("Incident Commander: alice")
                .contains("Service: postgres-primary, orders");

        assertThat(incident.sendStatusUpdate(draft + "\nBridge: #inc-db")).isTrue();

        assertThat(((ScriptedDesk) session.incidents()).sent()).singleElement().asString().contains("Bridge: #inc-db");
        assertThat(incident.dueTemplate()).isEqualTo(StatusTemplate.UPDATE);
        assertThat(incident.timeline().getLast().kind()).isEqualTo(TimelineKind.STATUS_UPDATE);
        assertThat(incident.statusDueProperty().get()).startsWith("Status update due in 30 min (P1: every 30 min)");
    }

    @Test
    void timelineFilterShowsOnlyTheChosenKinds() {
        incident.addNote("a note");

        incident.kinds().retainAll(java.util.Set.of(TimelineKind.NOTE));

        assertThat(incident.timeline()).extracting(e -> e.kind()).containsOnly(TimelineKind.NOTE);
    }

    @Test
    void filtersHideResolvedIncidentsAndSearchFindsByComponent() {
        incident.moveTo(IncidentState.RESOLVED, "");
        list.refresh();

        list.states().remove(IncidentState.RESOLVED);
        assertThat(list.rows()).isEmpty();
        list.states().add(IncidentState.RESOLVED);
        list.searchProperty().set("ORDERS");
        assertThat(list.rows()).hasSize(1);
        list.searchProperty().set("catalog");
        assertThat(list.rows()).isEmpty();
    }
}
