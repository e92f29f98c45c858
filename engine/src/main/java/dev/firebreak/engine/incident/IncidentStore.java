package dev.firebreak.engine.incident;

import java.util.List;

/**
 * Where incidents and their timelines are kept. {@link #append} returns only once the entry is durable: the
 * service shows and publishes an entry after it was stored, so a killed console loses nothing it showed.
 */
public interface IncidentStore {

    /** Writes an entry, and the incident's new head with it. */
    void append(TimelineEntry entry, Incident incident);

    /** Writes the incident's current state (no timeline change). */
    void save(Incident incident);

    /** Every incident, oldest first. */
    List<Incident> incidents();

    /** An incident's timeline as stored, in sequence order. */
    List<TimelineEntry> timeline(long incidentId);

    /** The entries after sequence number {@code afterSeq}, in order: what a live view has not read yet. */
    default List<TimelineEntry> timelineAfter(long incidentId, long afterSeq) {
        return timeline(incidentId).stream().filter(e -> e.seq() > afterSeq).toList();
    }

    /** A store that keeps everything in memory: headless runs and tests. */
    static IncidentStore inMemory() {
        return new dev.firebreak.engine.incident.internal.MemoryIncidentStore();
    }

    /** The console's store: the H2 database in its data directory. */
    static IncidentStore in(dev.firebreak.engine.store.Database database) {
        return new dev.firebreak.engine.incident.internal.JdbcIncidentStore(database);
    }
}
