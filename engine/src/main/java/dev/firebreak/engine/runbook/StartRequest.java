package dev.firebreak.engine.runbook;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything needed to start a run. {@code confirmation} is what the person typed when the environment is protected
 * (it must be the environment's name); {@code labels} are the alert's labels, reachable as {@code {{labels.NAME}}}.
 */
public record StartRequest(Runbook runbook, ExecutionMode mode, String environment, String startedBy,
        Optional<Long> incidentId, Map<String, String> parameters, Map<String, String> labels, String confirmation) {

    public StartRequest {
        Objects.requireNonNull(runbook, "runbook");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(environment, "environment");
        if (environment.isBlank()) {
            throw new IllegalArgumentException("an environment is needed");
        }
        Objects.requireNonNull(startedBy, "startedBy");
        Objects.requireNonNull(incidentId, "incidentId");
        parameters = Map.copyOf(parameters);
        labels = Map.copyOf(labels);
        confirmation = confirmation == null ? "" : confirmation;
    }

    public static StartRequest of(Runbook runbook, ExecutionMode mode, String environment, String startedBy,
            Map<String, String> parameters) {
        return new StartRequest(runbook, mode, environment, startedBy, Optional.empty(), parameters, Map.of(), "");
    }

    public StartRequest forIncident(long incident, Map<String, String> alertLabels) {
        return new StartRequest(runbook, mode, environment, startedBy, Optional.of(incident), parameters, alertLabels,
                confirmation);
    }

    public StartRequest confirmedWith(String typed) {
        return new StartRequest(runbook, mode, environment, startedBy, incidentId, parameters, labels, typed);
    }

    public StartRequest inMode(ExecutionMode other) {
        return new StartRequest(runbook, other, environment, startedBy, incidentId, parameters, labels, confirmation);
    }
}
