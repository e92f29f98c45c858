package dev.firebreak.engine.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.engine.event.EventBus;
import dev.firebreak.engine.health.HealthState;
import dev.firebreak.engine.store.Database;
import dev.firebreak.engine.time.SimulationClock;
import dev.firebreak.engine.topology.Topology;
import dev.firebreak.engine.topology.TopologyLoader;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A timeline kept in H2: edits, deletions and reordering of rows behind the console's back are found. */
class StoredTimelineTamperTests {

    private final SimulationClock clock = new SimulationClock(Instant.parse("2026-11-02T00:00:00Z"));
    private Database database;
    private IncidentService service;
    private Topology shop;
    private long id;

    @BeforeEach
    void openAnIncidentWithFourEntries(@TempDir java.nio.file.Path dir) throws Exception {
        shop = TopologyLoader.loadResource("topologies/shop.yaml");
        database = Database.openFile(dir);
        service = new IncidentService(shop, IncidentConfig.defaults(), IncidentStore.in(database), new EventBus(), clock);
        service.accept(DetectedAlerts.health(clock.instant(), "catalog", HealthState.DEGRADED, "latency"));
        id = service.incidents().getFirst().id();
        service.acknowledge(id, "alice");
        service.addNote(id, "alice", "cache hit rate fell");
        service.addNote(id, "bob", "rolling back pricing");
    }

    @AfterEach
    void close() {
        database.close();
    }

    private void sql(String statement) throws Exception {
        try (Connection connection = database.connection(); Statement s = connection.createStatement()) {
            s.executeUpdate(statement);
        }
    }

    @Test
    void untouchedStoredTimelineVerifies() {
        assertThat(service.verify(id).intact()).isTrue();
        assertThat(service.verify(id).entries()).isEqualTo(4);
    }

    @Test
    void editedRowIsFound() throws Exception {
        sql("UPDATE incident_timeline SET text = 'nothing to see' WHERE incident_id = " + id + " AND seq = 3");

        TimelineVerification result = service.verify(id);

        assertThat(result.intact()).isFalse();
        assertThat(result.firstBad()).contains(3L);
    }

    @Test
    void deletedRowIsFound() throws Exception {
        sql("DELETE FROM incident_timeline WHERE incident_id = " + id + " AND seq = 2");

        assertThat(service.verify(id).problem().orElseThrow()).contains("entry 2 is missing");
    }

    @Test
    void deletedLastRowIsFound() throws Exception {
        sql("DELETE FROM incident_timeline WHERE incident_id = " + id + " AND seq = 4");

        assertThat(service.verify(id).problem().orElseThrow()).contains("removed from the end");
    }

    @Test
    void reorderedRowsAreFound() throws Exception {
        sql("UPDATE incident_timeline SET seq = 99 WHERE incident_id = " + id + " AND seq = 3");
        sql("UPDATE incident_timeline SET seq = 3 WHERE incident_id = " + id + " AND seq = 4");
        sql("UPDATE incident_timeline SET seq = 4 WHERE incident_id = " + id + " AND seq = 99");

        assertThat(service.verify(id).intact()).isFalse();
    }

    @Test
    void reopenedStoreContinuesTheSameChain() {
        IncidentService again = new IncidentService(shop, IncidentConfig.defaults(), IncidentStore.in(database),
                new EventBus(), clock);

        again.addNote(id, "carol", "taking over");

        assertThat(again.incidents()).hasSize(1);
        assertThat(again.incident(id).orElseThrow().acknowledgedBy()).contains("alice");
        assertThat(again.verify(id).intact()).isTrue();
        assertThat(again.timeline(id)).hasSize(5);
    }
}
