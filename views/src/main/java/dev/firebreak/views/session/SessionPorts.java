package dev.firebreak.views.session;

import java.util.Objects;

/**
 * A {@link ConsoleSession} made of its ports and what closes them. Decorating one capability (auditing the
 * fault injector, saving detection settings) replaces that port alone, so a decorator never mirrors the rest.
 */
public record SessionPorts(Telemetry telemetry, HealthStatus status, FaultControl faultControl,
        DetectionSettings detection, Forecasts forecasts, SimulationControl control, IncidentDesk incidents,
        RootCauses rootCauses, RunbookDesk runbooks, HealingDesk healing, Runnable closer)
        implements ConsoleSession {

    public SessionPorts {
        Objects.requireNonNull(telemetry, "telemetry");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(faultControl, "faultControl");
        Objects.requireNonNull(detection, "detection");
        Objects.requireNonNull(forecasts, "forecasts");
        Objects.requireNonNull(control, "control");
        Objects.requireNonNull(incidents, "incidents");
        Objects.requireNonNull(rootCauses, "rootCauses");
        Objects.requireNonNull(runbooks, "runbooks");
        Objects.requireNonNull(healing, "healing");
        Objects.requireNonNull(closer, "closer");
    }

    /** The ports of any session, closing it when closed. */
    public static SessionPorts of(ConsoleSession session) {
        return session instanceof SessionPorts ports ? ports
                : new SessionPorts(session.telemetry(), session.status(), session.faultControl(), session.detection(),
                        session.forecasts(), session.control(), session.incidents(), session.rootCauses(), session.runbooks(),
                        session.healing(), session::close);
    }

    public SessionPorts withFaultControl(FaultControl replacement) {
        return new SessionPorts(telemetry, status, replacement, detection, forecasts, control, incidents, rootCauses, runbooks, healing,
                closer);
    }

    public SessionPorts withDetection(DetectionSettings replacement) {
        return new SessionPorts(telemetry, status, faultControl, replacement, forecasts, control, incidents, rootCauses, runbooks, healing,
                closer);
    }

    public SessionPorts withIncidents(IncidentDesk replacement) {
        return new SessionPorts(telemetry, status, faultControl, detection, forecasts, control, replacement, rootCauses, runbooks, healing,
                closer);
    }

    public SessionPorts withRootCauses(RootCauses replacement) {
        return new SessionPorts(telemetry, status, faultControl, detection, forecasts, control, incidents, replacement, runbooks, healing,
                closer);
    }

    public SessionPorts withRunbooks(RunbookDesk replacement) {
        return new SessionPorts(telemetry, status, faultControl, detection, forecasts, control, incidents, rootCauses,
                replacement, healing, closer);
    }

    public SessionPorts withHealing(HealingDesk replacement) {
        return new SessionPorts(telemetry, status, faultControl, detection, forecasts, control, incidents, rootCauses,
                runbooks, replacement, closer);
    }

    @Override
    public void close() {
        closer.run();
    }
}
