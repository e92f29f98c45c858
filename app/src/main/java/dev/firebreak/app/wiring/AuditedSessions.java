package dev.firebreak.app.wiring;

import dev.firebreak.engine.change.ChangeEvent;
import dev.firebreak.engine.detect.CompositeConfig;
import dev.firebreak.engine.detect.DetectionConfig;
import dev.firebreak.engine.detect.MetricDetectionConfig;
import dev.firebreak.engine.fault.ActiveFault;
import dev.firebreak.engine.fault.FaultInjector;
import dev.firebreak.engine.fault.FaultSpec;
import dev.firebreak.engine.store.AuditLog;
import dev.firebreak.engine.telemetry.MetricName;
import dev.firebreak.engine.topology.Topology;
import dev.firebreak.views.session.ConsoleSession;
import dev.firebreak.views.session.DetectionSettings;
import dev.firebreak.views.session.FaultControl;
import dev.firebreak.views.session.SessionFactory;
import dev.firebreak.views.session.SessionPorts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sessions whose commands are written to the audit log before they are carried out: fault injections and
 * cancellations, detection changes. Who broke or retuned what, when, is exactly what a post-incident review
 * needs. Only the ports that change something are decorated; the read-only ones pass through untouched.
 */
final class AuditedSessions implements SessionFactory {

    private final SessionFactory delegate;
    private final AuditLog audit;
    private final String actor;

    AuditedSessions(SessionFactory delegate, AuditLog audit, String actor) {
        this.delegate = delegate;
        this.audit = audit;
        this.actor = actor;
    }

    @Override
    public ConsoleSession start(Topology topology, long seed, double speed) {
        audit.append(actor, "session.started", topology.name(), Map.of("seed", seed, "components", topology.size()));
        SessionPorts ports = SessionPorts.of(delegate.start(topology, seed, speed));
        return ports.withFaultControl(new AuditedFaultControl(ports.faultControl()))
                .withDetection(new AuditedDetection(ports.detection()));
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
            audit.append(actor, "detection.configured", metric.name(), details);
            settings.configureDetection(metric, detectors, composite);
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
            audit.append(actor, "fault.injected", spec.target(), details);
            return fault;
        }

        @Override
        public boolean cancel(long faultId) {
            boolean cancelled = injector.cancel(faultId);
            if (cancelled) {
                audit.append(actor, "fault.cancelled", Long.toString(faultId), Map.of("id", faultId));
            }
            return cancelled;
        }

        @Override public List<ActiveFault> faults() { return injector.faults(); }
    }
}
