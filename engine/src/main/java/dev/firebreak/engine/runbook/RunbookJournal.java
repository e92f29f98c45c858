package dev.firebreak.engine.runbook;

import dev.firebreak.engine.incident.IncidentService;
import dev.firebreak.engine.incident.TimelineKind;
import dev.firebreak.engine.store.AuditLog;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Where the engine writes down who did what: the hash-chained audit log, and the incident's timeline when the run
 * belongs to one. Every start, approval, denial, skip, retry, step result, rollback and abort passes here.
 */
@FunctionalInterface
public interface RunbookJournal {

    RunbookJournal NONE = (execution, actor, action, text) -> { };

    void record(Execution execution, String actor, String action, String text);

    /** Audit log entries (subject {@code runbook-run/ID}) and, for a run started from an incident, timeline entries. */
    static RunbookJournal auditing(AuditLog audit, IncidentService incidents) {
        Objects.requireNonNull(audit, "audit");
        RunbookJournal timeline = timeline(incidents);
        return (execution, actor, action, text) -> {
            Map<String, Object> details = new TreeMap<>();
            details.put("runbook", execution.runbook().id());
            details.put("state", execution.state().name());
            details.put("environment", execution.environment());
            details.put("text", text);
            execution.currentStep().ifPresent(step -> details.put("step", step.stepId()));
            audit.append(actor, action, "runbook-run/" + execution.id(), details);
            timeline.record(execution, actor, action, text);
        };
    }

    /** Timeline entries of the run's incident only (no database, so no audit log: headless runs, tests). */
    static RunbookJournal timeline(IncidentService incidents) {
        Objects.requireNonNull(incidents, "incidents");
        return (execution, actor, action, text) -> execution.incidentId().ifPresent(id -> incidents.incident(id)
                .ifPresent(incident -> incidents.record(id, TimelineKind.RUNBOOK, actor, execution.runbook().id() + " run "
                        + execution.id() + ": " + text)));
    }
}
