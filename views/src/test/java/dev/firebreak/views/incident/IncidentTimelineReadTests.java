package dev.firebreak.views.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.engine.health.HealthState;
import dev.firebreak.engine.incident.TimelineEntry;
import dev.firebreak.engine.incident.TimelineKind;
import dev.firebreak.views.task.HeldTaskExecutor;
import dev.firebreak.views.testing.ScriptedDesk;
import dev.firebreak.views.testing.ScriptedSession;
import dev.firebreak.views.testing.Topologies;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The open incident's timeline is read from the store and its hash chain checked by a background task; the FX
 * thread only applies what was read. A tampered entry is still found, whether it was read before or comes new.
 */
class IncidentTimelineReadTests {

    private final ScriptedSession session = new ScriptedSession(Topologies.shop(), 3);
    private final HeldTaskExecutor reads = new HeldTaskExecutor();
    private ScriptedDesk desk;
    private long id;
    private IncidentViewModel incident;

    @BeforeEach
    void databaseFails() {
        session.advance(60);
        session.setHealth("postgres-primary", HealthState.FAILED);
        session.advance(1);
        desk = (ScriptedDesk) session.incidents();
        id = desk.incidents().getFirst().id();
        incident = new IncidentViewModel(session, id, () -> "alice", component -> { }, reads);
    }

    @Test
    void timelineIsReadInTheBackgroundAndOnlyAppliedOnTheFxThread() {
        assertThat(incident.timeline()).as("nothing read on the calling thread").isEmpty();
        assertThat(reads.held()).as("the timeline, and the runbooks its diagnosis suggests").isEqualTo(2);
        assertThat(reads.busyProperty().get()).as("a timeline read does not show as busy").isFalse();

        reads.runAll();
        List<TimelineEntry> first = List.copyOf(incident.timeline());
        assertThat(first).isNotEmpty();
        assertThat(incident.verificationProperty().get()).isEqualTo("Timeline intact (" + first.size() + " entries)");

        incident.addNote("failing over to the replica");
        assertThat(incident.timeline()).as("the note is not shown before its read is applied").isEqualTo(first);
        reads.runAll();

        assertThat(incident.timeline()).hasSize(first.size() + 1);
        assertThat(incident.timeline().subList(0, first.size())).as("earlier entries kept, not read again")
                .containsExactlyElementsOf(first).allSatisfy(e -> assertThat(first).anyMatch(f -> f == e));
        assertThat(incident.timeline().getLast().text()).isEqualTo("failing over to the replica");
        assertThat(incident.intactProperty().get()).isTrue();
    }

    @Test
    void growthDuringARead_isReadNext() {
        reads.runAll();
        incident.addNote("one");
        incident.addNote("two");
        assertThat(reads.held()).as("one read at a time").isEqualTo(1);

        reads.runAll();
        incident.refresh();
        reads.runAll();

        assertThat(incident.timeline()).extracting(TimelineEntry::text).endsWith("one", "two");
        assertThat(incident.timeline()).extracting(TimelineEntry::seq).doesNotHaveDuplicates();
        assertThat(incident.verificationProperty().get()).startsWith("Timeline intact");
    }

    @Test
    void anOlderEntryEditedInTheStoreIsFoundByTheNextWholeCheck() {
        reads.runAll();
        desk.tamper(id, 1, "nothing happened");

        for (int n = 0; n <= IncidentViewModel.FULL_CHECK_EVERY; n++) {
            incident.addNote("note " + n);
            reads.runAll();
        }

        assertThat(incident.intactProperty().get()).isFalse();
        assertThat(incident.verificationProperty().get()).isEqualTo(
                "Timeline tampered: entry 1 was changed after it was written (its hash does not match its content)");
    }

    @Test
    void aNewEntryEditedBeforeItIsReadIsFoundAtOnce() {
        reads.runAll();
        incident.addNote("rolling back pricing");
        long seq = desk.incident(id).orElseThrow().timelineHead().seq();
        desk.tamper(id, seq, "nothing to see");

        reads.runAll();

        assertThat(incident.intactProperty().get()).isFalse();
        assertThat(incident.verificationProperty().get()).startsWith("Timeline tampered: entry " + seq + " was changed");
    }

    @Test
    void filterChangedDuringARead_readsTheTimelineAgain() {
        reads.runAll();
        incident.addNote("a note");
        incident.kinds().retainAll(java.util.Set.of(TimelineKind.NOTE));
        reads.runAll();
        incident.refresh();
        reads.runAll();

        assertThat(incident.timeline()).extracting(TimelineEntry::kind).containsOnly(TimelineKind.NOTE);
        assertThat(incident.timeline()).extracting(TimelineEntry::text).containsExactly("a note");
    }

    @Test
    void listRowsThatChangeAreReplacedInPlace() {
        ObservableList<String> rows = FXCollections.observableArrayList("INC-1 p2", "INC-2 p3", "INC-3 p4");
        List<String> changes = new java.util.ArrayList<>();
        rows.addListener((ListChangeListener<String>) c -> {
            while (c.next()) {
                changes.add(c.getFrom() + "-" + c.getTo() + (c.wasReplaced() ? " replaced" : c.wasAdded() ? " added" : " removed"));
            }
        });

        IncidentsViewModel.update(rows, List.of("INC-1 p2", "INC-2 p1", "INC-3 p4"), (a, b) -> a.substring(0, 5).equals(b.substring(0, 5)));
        assertThat(changes).containsExactly("1-2 replaced");
        assertThat(rows).containsExactly("INC-1 p2", "INC-2 p1", "INC-3 p4");

        changes.clear();
        IncidentsViewModel.update(rows, List.of("INC-4 p0", "INC-1 p2", "INC-2 p1", "INC-3 p4"),
                (a, b) -> a.substring(0, 5).equals(b.substring(0, 5)));
        assertThat(changes).containsExactly("0-4 replaced");
        assertThat(rows).containsExactly("INC-4 p0", "INC-1 p2", "INC-2 p1", "INC-3 p4");
    }
}
