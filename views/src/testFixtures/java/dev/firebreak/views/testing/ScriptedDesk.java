package dev.firebreak.views.testing;

import dev.firebreak.engine.incident.Incident;
import dev.firebreak.engine.escalation.EscalationService;
import dev.firebreak.engine.incident.IncidentService;
import dev.firebreak.engine.incident.IncidentSeverity;
import dev.firebreak.engine.incident.IncidentState;
import dev.firebreak.engine.incident.Role;
import dev.firebreak.engine.incident.TimelineEntry;
import dev.firebreak.engine.incident.TimelineVerification;
import dev.firebreak.views.session.IncidentDesk;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The incident desk of a scripted session: the real incident service; status updates sent are kept for tests. */
public final class ScriptedDesk implements IncidentDesk {

    private final IncidentService service;
    private final EscalationService escalation;
    private final List<String> sent = new ArrayList<>();

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
    @Override public List<TimelineEntry> timeline(long id) { return service.timeline(id); }
    @Override public TimelineVerification verify(long id) { return service.verify(id); }
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
