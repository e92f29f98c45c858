package dev.firebreak.engine.incident.internal;

import dev.firebreak.engine.incident.Incident;
import dev.firebreak.engine.incident.IncidentStore;
import dev.firebreak.engine.incident.TimelineEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Incidents in memory, for headless runs and tests. */
public final class MemoryIncidentStore implements IncidentStore {

    private final Map<Long, Incident> incidents = new TreeMap<>();
    private final Map<Long, List<TimelineEntry>> timelines = new TreeMap<>();

    @Override
    public synchronized void append(TimelineEntry entry, Incident incident) {
        timelines.computeIfAbsent(entry.incidentId(), id -> new ArrayList<>()).add(entry);
        incidents.put(incident.id(), incident);
    }

    @Override
    public synchronized void save(Incident incident) {
        incidents.put(incident.id(), incident);
    }

    @Override
    public synchronized List<Incident> incidents() {
        return List.copyOf(incidents.values());
    }

    @Override
    public synchronized List<TimelineEntry> timeline(long incidentId) {
        return List.copyOf(timelines.getOrDefault(incidentId, List.of()));
    }
}
