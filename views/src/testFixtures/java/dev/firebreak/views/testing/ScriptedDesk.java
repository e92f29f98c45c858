package dev.firebreak.views.testing;

import dev.firebreak.engine.incident.Incident;
import dev.firebreak.engine.escalation.EscalationService;
import dev.firebreak.engine.incident.IncidentService;
import dev.firebreak.engine.incident.IncidentSeverity;
import dev.firebreak.engine.incident.IncidentState;
import dev.firebreak.engine.incident.Role;
import dev.firebreak.engine.incident.TimelineChain;
import dev.firebreak.engine.incident.TimelineEntry;
import dev.firebreak.engine.incident.TimelineVerification;
import dev.firebreak.views.session.IncidentDesk;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The incident desk of a scripted session: the real incident service; status updates sent are kept for tests. */
public final class ScriptedDesk implements IncidentDesk {

    private final IncidentService service;
    private final EscalationService escalation;
    private final List<String> sent = new ArrayList<>();
    /** Texts changed behind the service's back, by incident and sequence number: a tampered store. */
    private final Map<Long, Map<Long, String>> edits = new ConcurrentHashMap<>();

    public ScriptedDesk(IncidentService service, EscalationService escalation) {
        this.service = service;
        this.escalation = escalation;
    }

    /** Status updates sent so far, as sent. */
    public List<String> sent() {
        return List.copyOf(sent);
    }

    @Override public List<Incident> incidents() { return service.incidents(); }
    @Override public Optional<Incident> incident(long id) { return service.incident(id); }
    /** Changes the text of a stored entry as someone editing the database would: its hash no longer matches. */
    public void tamper(long id, long seq, String text) {
        edits.computeIfAbsent(id, k -> new ConcurrentHashMap<>()).put(seq, text);
    }

    @Override
    public List<TimelineEntry> timeline(long id) {
        Map<Long, String> edited = edits.getOrDefault(id, Map.of());
        return service.timeline(id).stream().map(e -> !edited.containsKey(e.seq()) ? e
                : new TimelineEntry(e.incidentId(), e.seq(), e.at(), e.kind(), e.actor(), edited.get(e.seq()), e.previousHash(),
                        e.hash())).toList();
    }

    @Override
    public TimelineVerification verify(long id) {
        return edits.containsKey(id)
                ? TimelineChain.verify(id, timeline(id), Optional.of(service.incident(id).orElseThrow().timelineHead()))
                : service.verify(id);
    }
    @Override public Optional<Instant> statusUpdateDue(long id) { return service.statusUpdateDue(id); }
    @Override public Incident acknowledge(long id, String actor) { return service.acknowledge(id, actor); }
    @Override public Incident assign(long id, Role role, String person, String actor) { return service.assign(id, role, person, actor); }
    @Override public Incident transition(long id, IncidentState target, String actor, String reason) {
        return service.transition(id, target, actor, reason);
    }
    @Override public Incident overrideSeverity(long id, IncidentSeverity severity, String actor, String reason) {
        return service.overrideSeverity(id, severity, actor, reason);
    }
    @Override public Incident addNote(long id, String actor, String text) { return service.addNote(id, actor, text); }

    @Override
    public Incident sendStatusUpdate(long id, String actor, String text) {
        sent.add(text);
        return service.recordStatusUpdate(id, actor, text);
    }

    @Override
    public Incident reportCustomerImpact(long id, int reports, boolean vipAffected, String actor) {
        escalation.customerImpact(id, reports, vipAffected, actor);
        return service.incident(id).orElseThrow();
    }

    @Override
    public Incident reportDataIntegrityRisk(long id, String check, String actor) {
        escalation.dataIntegrityRisk(id, check, actor);
        return service.incident(id).orElseThrow();
    }
}
