package dev.firebreak.app.headless;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.firebreak.engine.runbook.Approval;
import dev.firebreak.engine.runbook.Execution;
import dev.firebreak.engine.runbook.RunbookEngine;
import dev.firebreak.engine.runbook.StepRun;
import java.time.Instant;
import java.util.Locale;

/** The report's {@code runbookRuns}: every run the engine holds (this run's and those found in the data directory). */
final class RunbookRunsReport {

    private RunbookRunsReport() {
    }

    static void write(ObjectNode report, RunbookEngine runbooks) {
        ArrayNode runs = report.putArray("runbookRuns");
        for (Execution execution : runbooks.executions()) {
            ObjectNode run = runs.addObject();
            run.put("id", execution.id());
            run.put("runbook", execution.runbook().id());
            run.put("mode", execution.mode().name().toLowerCase(Locale.ROOT));
            run.put("environment", execution.environment());
            run.put("startedBy", execution.startedBy());
            execution.incidentId().ifPresentOrElse(id -> run.put("incident", id), () -> run.putNull("incident"));
            run.put("state", execution.state().name());
            run.put("message", execution.message());
            run.put("startedAt", execution.startedAt().toString());
            run.put("updatedAt", execution.updatedAt().toString());
            ObjectNode parameters = run.putObject("parameters");
            new java.util.TreeMap<>(execution.parameters()).forEach(parameters::put);
            ArrayNode steps = run.putArray("steps");
            for (StepRun step : execution.steps()) {
                ObjectNode node = steps.addObject();
                node.put("id", step.stepId());
                node.put("state", step.state().name());
                node.put("attempts", step.attempts());
                node.put("rendered", step.rendered());
                node.put("message", step.message());
                node.put("startedAt", step.startedAt().map(Instant::toString).orElse(null));
                node.put("endedAt", step.endedAt().map(Instant::toString).orElse(null));
                ArrayNode approvals = node.putArray("approvals");
                for (Approval approval : step.approvals()) {
                    approvals.addObject().put("person", approval.person()).put("at", approval.at().toString())
                            .put("hash", approval.hash());
                }
            }
        }
    }
}
