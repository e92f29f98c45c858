package dev.firebreak.app.wiring;

import dev.firebreak.engine.change.ChangeEvent;
import dev.firebreak.engine.detect.composite.CompositeConfig;
import dev.firebreak.engine.detect.config.DetectionConfig;
import dev.firebreak.engine.detect.config.MetricDetectionConfig;
import dev.firebreak.engine.detect.history.DetectionHistory;
import dev.firebreak.engine.event.EventBus;
import dev.firebreak.engine.fault.ActiveFault;
import dev.firebreak.engine.fault.FaultInjector;
import dev.firebreak.engine.fault.FaultSpec;
import dev.firebreak.engine.health.HealthState;
import dev.firebreak.engine.predict.ForecastEngineConfig;
import dev.firebreak.engine.predict.SeriesOutlook;
import dev.firebreak.engine.store.AuditLog;
import dev.firebreak.engine.telemetry.MetricName;
import dev.firebreak.engine.telemetry.MetricStore;
import dev.firebreak.engine.telemetry.SeriesKey;
import dev.firebreak.engine.time.SimulationClock;
import dev.firebreak.engine.topology.Topology;
import dev.firebreak.views.session.ConsoleSession;
import dev.firebreak.views.session.SessionFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sessions whose fault injections and cancellations are written to the audit log before they are
 * carried out: who broke what, when, is exactly what a post-incident review needs.
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
        return new AuditedSession(delegate.start(topology, seed, speed));
    }

    private final class AuditedSession implements ConsoleSession {
        private final ConsoleSession session;
        private final AuditingInjector injector;

        AuditedSession(ConsoleSession session) {
            this.session = session;
            this.injector = new AuditingInjector(session.faults());
        }

        @Override public FaultInjector faults() { return injector; }
        @Override public Topology topology() { return session.topology(); }
        @Override public MetricStore store() { return session.store(); }
        @Override public EventBus events() { return session.events(); }
        @Override public SimulationClock clock() { return session.clock(); }
        @Override public HealthState health(int componentIndex) { return session.health(componentIndex); }
        @Override public HealthState[] healthSnapshot() { return session.healthSnapshot(); }
        @Override public int seriesHandle(int componentIndex, MetricName metric) { return session.seriesHandle(componentIndex, metric); }
        @Override public List<ChangeEvent> changes(String componentId) { return session.changes(componentId); }
        @Override public List<ActiveFault> faultsOn(String componentId) { return session.faultsOn(componentId); }
        @Override public DetectionHistory detectionHistory() { return session.detectionHistory(); }
        @Override public DetectionConfig detectionConfig() { return session.detectionConfig(); }
        @Override public Optional<SeriesOutlook> forecast(SeriesKey key) { return session.forecast(key); }
        @Override public ForecastEngineConfig forecastConfig() { return session.forecastConfig(); }

        @Override
        public void configureDetection(MetricName metric, MetricDetectionConfig detectors, CompositeConfig composite) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("detectors", detectors.toString());
            details.put("composite", composite.toString());
            audit.append(actor, "detection.configured", metric.name(), details);
            session.configureDetection(metric, detectors, composite);
        }

        @Override public void pause() { session.pause(); }
        @Override public void resume() { session.resume(); }
        @Override public boolean isPaused() { return session.isPaused(); }
        @Override public void setSpeed(double speed) { session.setSpeed(speed); }
        @Override public double speed() { return session.speed(); }
        @Override public void close() { session.close(); }
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
