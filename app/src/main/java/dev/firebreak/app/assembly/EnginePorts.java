package dev.firebreak.app.assembly;

import dev.firebreak.engine.assess.ComponentHealth;
import dev.firebreak.engine.assess.HealthAssessment;
import dev.firebreak.engine.change.ChangeEvent;
import dev.firebreak.engine.detect.composite.CompositeConfig;
import dev.firebreak.engine.detect.config.DetectionConfig;
import dev.firebreak.engine.check.ComponentChecks;
import dev.firebreak.engine.detect.DetectionEngine;
import dev.firebreak.engine.detect.history.DetectionHistory;
import dev.firebreak.engine.detect.config.MetricDetectionConfig;
import dev.firebreak.engine.event.EventBus;
import dev.firebreak.engine.fault.ActiveFault;
import dev.firebreak.engine.fault.FaultInjector;
import dev.firebreak.engine.health.HealthState;
import dev.firebreak.engine.incident.Incident;
import dev.firebreak.engine.escalation.EscalationService;
import dev.firebreak.engine.incident.IncidentService;
import dev.firebreak.engine.rca.Diagnosis;
import dev.firebreak.engine.rca.Feedback;
import dev.firebreak.engine.rca.RootCauseService;
import dev.firebreak.engine.incident.IncidentSeverity;
import dev.firebreak.engine.incident.IncidentState;
import dev.firebreak.engine.incident.Role;
import dev.firebreak.engine.incident.TimelineEntry;
import dev.firebreak.engine.incident.TimelineVerification;
import dev.firebreak.engine.predict.ForecastEngineConfig;
import dev.firebreak.engine.predict.SeriesOutlook;
import dev.firebreak.engine.telemetry.MetricName;
import dev.firebreak.engine.telemetry.MetricStore;
import dev.firebreak.engine.telemetry.SeriesKey;
import dev.firebreak.engine.time.SimulationClock;
import dev.firebreak.engine.topology.Topology;
import dev.firebreak.views.session.DetectionSettings;
import dev.firebreak.views.session.FaultControl;
import dev.firebreak.views.session.Forecasts;
import dev.firebreak.views.session.IncidentDesk;
import dev.firebreak.views.session.RootCauses;
import dev.firebreak.views.session.HealthStatus;
import dev.firebreak.views.session.SessionPorts;
import dev.firebreak.views.session.SimulationControl;
import dev.firebreak.views.session.Telemetry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Adapts an {@link EngineSession}'s services to the ports the console's screens see. */
public final class EnginePorts {

    private EnginePorts() {
    }

    /** The ports of {@code engine}; closing them closes the engine. */
    public static SessionPorts of(EngineSession engine) {
        return of(engine, HealingSettings.inMemory());
    }

    /** As above, the healing mode and strategies a person picks kept in {@code healing}. */
    public static SessionPorts of(EngineSession engine, HealingSettings healing) {
        return new SessionPorts(telemetry(engine), status(engine), faults(engine), detection(engine.detection()),
                forecasts(engine), control(engine), incidents(engine.incidents(), engine.escalation()), rootCauses(engine.rootCauses()),
                new EngineRunbookDesk(engine), new EngineHealingDesk(engine, healing), engine::close);
    }

    private static Telemetry telemetry(EngineSession engine) {
        return new Telemetry() {
            @Override public Topology topology() { return engine.topology(); }
            @Override public MetricStore store() { return engine.store(); }
            @Override public EventBus events() { return engine.events(); }
            @Override public SimulationClock clock() { return engine.clock(); }
            @Override public int seriesHandle(int componentIndex, MetricName metric) {
                return engine.simulator().seriesHandle(componentIndex, metric);
            }
        };
    }

    /**
     * Health as the console shows it: detection and the component's checks combined (ADR 0025, see
     * {@link ComponentHealth}), not the simulator's own judgement; with the detection history and check results
     * behind it.
     */
    private static HealthStatus status(EngineSession engine) {
        ComponentHealth health = engine.health();
        return new HealthStatus() {
            @Override public HealthState health(int componentIndex) { return health.state(componentIndex); }
            @Override public HealthState[] healthSnapshot() { return health.snapshot(); }
            @Override public HealthAssessment assessment(int componentIndex) { return health.assessment(componentIndex); }
            @Override public Optional<ComponentChecks> checks(String componentId) { return engine.checks(componentId); }
            @Override public DetectionHistory detectionHistory() { return engine.history(); }
        };
    }

    private static FaultControl faults(EngineSession engine) {
        return new FaultControl() {
            @Override public FaultInjector faults() { return engine.faults(); }
            @Override public List<ActiveFault> faultsOn(String componentId) { return engine.simulator().faultsOn(componentId); }
            @Override public List<ChangeEvent> changes(String componentId) { return engine.simulator().changes(componentId); }
        };
    }

    static DetectionSettings detection(DetectionEngine detection) {
        return new DetectionSettings() {
            @Override public DetectionConfig detectionConfig() { return detection.config(); }
            @Override
            public void configureDetection(MetricName metric, MetricDetectionConfig detectors, CompositeConfig composite) {
                detection.configure(metric, detectors);
                if (!composite.equals(detection.config().composite())) {
                    detection.configure(composite);
                }
            }
        };
    }

    private static Forecasts forecasts(EngineSession engine) {
        return new Forecasts() {
            @Override public Optional<SeriesOutlook> forecast(SeriesKey key) { return engine.forecasts().outlook(key); }
            @Override public ForecastEngineConfig forecastConfig() { return engine.forecasts().config(); }
        };
    }

    private static SimulationControl control(EngineSession engine) {
        return new SimulationControl() {
            @Override public void pause() { engine.runner().pause(); }
            @Override public void resume() { engine.runner().resume(); }
            @Override public boolean isPaused() { return engine.runner().isPaused(); }
            @Override public void setSpeed(double speed) { engine.runner().setSpeed(speed); }
            @Override public double speed() { return engine.runner().speed(); }
        };
    }

    static RootCauses rootCauses(RootCauseService service) {
        return new RootCauses() {
            @Override public Optional<Diagnosis> diagnosis(long incidentId) { return service.diagnosis(incidentId); }
            @Override public List<Feedback> verdicts() { return service.feedback(); }
            @Override public Feedback confirm(long incidentId, String componentId, String actor) {
                return service.confirm(incidentId, componentId, actor);
            }
            @Override public Feedback reject(long incidentId, String componentId, String actor) {
                return service.reject(incidentId, componentId, actor);
            }
        };
    }

    static IncidentDesk incidents(IncidentService incidents, EscalationService escalation) {
        return new IncidentDesk() {
            @Override public List<Incident> incidents() { return incidents.incidents(); }
            @Override public Optional<Incident> incident(long id) { return incidents.incident(id); }
            @Override public List<TimelineEntry> timeline(long id) { return incidents.timeline(id); }
            @Override public List<TimelineEntry> timelineAfter(long id, long afterSeq) { return incidents.timelineAfter(id, afterSeq); }
            @Override public TimelineVerification verify(long id) { return incidents.verify(id); }
            @Override public Optional<Instant> statusUpdateDue(long id) { return incidents.statusUpdateDue(id); }
            @Override public Incident acknowledge(long id, String actor) { return incidents.acknowledge(id, actor); }
            @Override public Incident assign(long id, Role role, String person, String actor) {
                return incidents.assign(id, role, person, actor);
            }
            @Override public Incident transition(long id, IncidentState target, String actor, String reason) {
                return incidents.transition(id, target, actor, reason);
            }
            @Override public Incident overrideSeverity(long id, IncidentSeverity severity, String actor, String reason) {
                return incidents.overrideSeverity(id, severity, actor, reason);
            }
            @Override public Incident addNote(long id, String actor, String text) { return incidents.addNote(id, actor, text); }
            @Override public Incident sendStatusUpdate(long id, String actor, String text) {
                return incidents.recordStatusUpdate(id, actor, text);
            }
            @Override public Incident reportCustomerImpact(long id, int reports, boolean vipAffected, String actor) {
                escalation.customerImpact(id, reports, vipAffected, actor);
                return incidents.incident(id).orElseThrow();
            }
            @Override public Incident reportDataIntegrityRisk(long id, String check, String actor) {
                escalation.dataIntegrityRisk(id, check, actor);
                return incidents.incident(id).orElseThrow();
            }
        };
    }
}
