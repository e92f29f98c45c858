package dev.firebreak.app.wiring;

import dev.firebreak.engine.change.ChangeEvent;
import dev.firebreak.engine.detect.composite.CompositeConfig;
import dev.firebreak.engine.detect.config.DetectionConfig;
import dev.firebreak.engine.detect.config.MetricDetectionConfig;
import dev.firebreak.engine.fault.ActiveFault;
import dev.firebreak.engine.fault.FaultInjector;
import dev.firebreak.engine.fault.FaultSpec;
import dev.firebreak.engine.incident.Incident;
import dev.firebreak.engine.incident.IncidentSeverity;
import dev.firebreak.engine.incident.IncidentState;
import dev.firebreak.engine.incident.Role;
import dev.firebreak.engine.incident.TimelineEntry;
import dev.firebreak.engine.incident.TimelineVerification;
import dev.firebreak.engine.store.AuditLog;
import dev.firebreak.engine.telemetry.MetricName;
import dev.firebreak.engine.topology.Topology;
import dev.firebreak.views.session.ConsoleSession;
import dev.firebreak.views.session.DetectionSettings;
import dev.firebreak.views.session.FaultControl;
import dev.firebreak.views.session.IncidentDesk;
import dev.firebreak.views.session.RootCauses;
import dev.firebreak.engine.rca.Diagnosis;
import dev.firebreak.engine.rca.Feedback;
import dev.firebreak.views.session.SessionFactory;
import dev.firebreak.views.session.SessionPorts;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Sessions whose commands are written to the audit log before they are carried out: fault injections and
 * cancellations, detection changes. Who broke or retuned what, when, is exactly what a post-incident review
 * needs. Only the ports that change something are decorated; the read-only ones pass through untouched.
 */
final class AuditedSessions implements SessionFactory {

    private final SessionFactory delegate;
    private final AuditLog audit;
    private final Supplier<String> operator;

    /** @param operator who the person at the console is now (it can change while the console runs) */
    AuditedSessions(SessionFactory delegate, AuditLog audit, Supplier<String> operator) {
        this.delegate = delegate;
        this.audit = audit;
        this.operator = operator;
    }

    @Override
    public ConsoleSession start(Topology topology, long seed, double speed) {
        audit.append(operator.get(), "session.started", topology.name(), Map.of("seed", seed, "components", topology.size()));
        SessionPorts ports = SessionPorts.of(delegate.start(topology, seed, speed));
        return ports.withFaultControl(new AuditedFaultControl(ports.faultControl()))
                .withDetection(new AuditedDetection(ports.detection()))
                .withIncidents(new AuditedIncidentDesk(ports.incidents()))
                .withRootCauses(new AuditedRootCauses(ports.rootCauses()));
    }

    private final class AuditedDetection implements DetectionSettings {
        private final DetectionSettings settings;

        AuditedDetection(DetectionSettings settings) {
            this.settings = settings;
        }

        @Override
        public DetectionConfig detectionConfig() {
            return settings.detectionConfig();
        }

        @Override
        public void configureDetection(MetricName metric, MetricDetectionConfig detectors, CompositeConfig composite) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("detectors", detectors.toString());
            details.put("composite", composite.toString());
            audit.append(operator.get(), "detection.configured", metric.name(), details);
            settings.configureDetection(metric, detectors, composite);
        }
    }

    /** Each command is audited by the person who gave it, before it is carried out. */
    private final class AuditedIncidentDesk implements IncidentDesk {
        private final IncidentDesk desk;

        AuditedIncidentDesk(IncidentDesk desk) {
            this.desk = desk;
        }

        private void audit(String person, String action, long id, Map<String, Object> details) {
            audit.append(person, "incident." + action, Incident.key(id), details);
        }

        @Override public List<Incident> incidents() { return desk.incidents(); }
        @Override public Optional<Incident> incident(long id) { return desk.incident(id); }
        @Override public List<TimelineEntry> timeline(long id) { return desk.timeline(id); }
        @Override public List<TimelineEntry> timelineAfter(long id, long afterSeq) { return desk.timelineAfter(id, afterSeq); }
        @Override public TimelineVerification verify(long id) { return desk.verify(id); }
        @Override public Optional<Instant> statusUpdateDue(long id) { return desk.statusUpdateDue(id); }

        @Override
        public Incident acknowledge(long id, String person) {
            audit(person, "acknowledged", id, Map.of());
            return desk.acknowledge(id, person);
        }

        @Override
        public Incident assign(long id, Role role, String holder, String person) {
            audit(person, "role.assigned", id, Map.of("role", role.name(), "person", holder));
            return desk.assign(id, role, holder, person);
        }

        @Override
        public Incident transition(long id, IncidentState target, String person, String reason) {
            audit(person, "state.changed", id, Map.of("to", target.name(), "reason", reason == null ? "" : reason));
            return desk.transition(id, target, person, reason);
        }

        @Override
        public Incident overrideSeverity(long id, IncidentSeverity severity, String person, String reason) {
            audit(person, "severity.overridden", id, Map.of("severity", severity.name(), "reason", reason == null ? "" : reason));
            return desk.overrideSeverity(id, severity, person, reason);
        }

        @Override
        public Incident addNote(long id, String person, String text) {
            audit(person, "note.added", id, Map.of("length", text == null ? 0 : text.length()));
            return desk.addNote(id, person, text);
        }

        @Override
        public Incident sendStatusUpdate(long id, String person, String text) {
            audit(person, "status.sent", id, Map.of("length", text == null ? 0 : text.length()));
            return desk.sendStatusUpdate(id, person, text);
        }

        @Override
        public Incident reportCustomerImpact(long id, int reports, boolean vipAffected, String person) {
            audit(person, "customer-impact.reported", id, Map.of("reports", reports, "vipAffected", vipAffected));
            return desk.reportCustomerImpact(id, reports, vipAffected, person);
        }

        @Override
        public Incident reportDataIntegrityRisk(long id, String check, String person) {
            audit(person, "data-integrity.reported", id, Map.of("check", check == null ? "" : check));
            return desk.reportDataIntegrityRisk(id, check, person);
        }
    }

    /** Verdicts on causes are audited by the person who gave them, before they are stored. */
    private final class AuditedRootCauses implements RootCauses {
        private final RootCauses rootCauses;

        AuditedRootCauses(RootCauses rootCauses) {
            this.rootCauses = rootCauses;
        }

        @Override public Optional<Diagnosis> diagnosis(long incidentId) { return rootCauses.diagnosis(incidentId); }
        @Override public List<Feedback> verdicts() { return rootCauses.verdicts(); }

        @Override
        public Feedback confirm(long incidentId, String componentId, String person) {
            audit.append(person, "incident.cause.confirmed", Incident.key(incidentId), Map.of("component", componentId));
            return rootCauses.confirm(incidentId, componentId, person);
        }

        @Override
        public Feedback reject(long incidentId, String componentId, String person) {
            audit.append(person, "incident.cause.rejected", Incident.key(incidentId), Map.of("component", componentId));
            return rootCauses.reject(incidentId, componentId, person);
        }
    }

    private final class AuditedFaultControl implements FaultControl {
        private final FaultControl control;
        private final FaultInjector injector;

        AuditedFaultControl(FaultControl control) {
            this.control = control;
            this.injector = new AuditingInjector(control.faults());
        }

        @Override public FaultInjector faults() { return injector; }
        @Override public List<ActiveFault> faultsOn(String componentId) { return control.faultsOn(componentId); }
        @Override public List<ChangeEvent> changes(String componentId) { return control.changes(componentId); }
    }

    private final class AuditingInjector implements FaultInjector {
        private final FaultInjector injector;

        AuditingInjector(FaultInjector injector) {
            this.injector = injector;
        }

        @Override
        public ActiveFault inject(FaultSpec spec) {
            ActiveFault fault = injector.inject(spec);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("id", fault.id());
            details.put("type", spec.type().name());
            spec.peer().ifPresent(peer -> details.put("peer", peer));
            details.put("magnitude", spec.magnitude());
            details.put("start", spec.start().toString());
            details.put("durationSeconds", spec.duration().toSeconds());
            audit.append(operator.get(), "fault.injected", spec.target(), details);
            return fault;
        }

        @Override
        public boolean cancel(long faultId) {
            boolean cancelled = injector.cancel(faultId);
            if (cancelled) {
                audit.append(operator.get(), "fault.cancelled", Long.toString(faultId), Map.of("id", faultId));
            }
            return cancelled;
        }

        @Override public List<ActiveFault> faults() { return injector.faults(); }
    }
}
