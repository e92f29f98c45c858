package dev.firebreak.app.headless;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.firebreak.app.cli.LaunchOptions;
import dev.firebreak.engine.assess.ComponentHealth;
import dev.firebreak.engine.detect.DetectionEngine;
import dev.firebreak.engine.fault.FaultSpec;
import dev.firebreak.engine.fault.FaultSpecParser;
import dev.firebreak.engine.health.HealthState;
import dev.firebreak.engine.incident.IncidentService;
import dev.firebreak.engine.rca.RootCauseService;
import dev.firebreak.engine.sim.GroundTruth;
import dev.firebreak.engine.sim.Simulator;
import dev.firebreak.engine.topology.Topology;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The JSON a headless run leaves behind: inputs, ground truth, the timeline and per-component outcome.
 * {@code healthChanges} and the per-component {@code finalState}/{@code worstState} are detection's verdict;
 * {@code checkedHealthChanges} are the health checks' verdicts (ADR 0008), and {@code assessedHealthChanges} with
 * {@code finalAssessedState}/{@code worstAssessedState} the two combined, which is what the console shows (ADR
 * 0025). The simulator's own judgement of each component sits beside them as "simulated condition", so a run
 * shows what detection and the checks missed.
 */
final class RunReport {

    private RunReport() {
    }

    static ObjectNode build(LaunchOptions options, Topology topology, Instant start, Instant end, double wallSeconds,
            List<FaultSpec> faults, RunRecorder recorder, Simulator simulator, DetectionEngine detection,
            ComponentHealth assessedHealth, IncidentService incidents, RootCauseService rootCauses) {
        ObjectNode report = JsonNodeFactory.instance.objectNode();
        ObjectNode run = report.putObject("run");
        run.put("topology", topology.name());
        run.put("components", topology.size());
        run.put("dependencies", topology.dependencies().size());
        run.put("seed", options.seed());
        run.put("speed", options.speed().isPresent() ? String.valueOf(options.speed().getAsDouble()) : "max");
        run.put("simulatedStart", start.toString());
        run.put("simulatedEnd", end.toString());
        run.put("simulatedSeconds", Duration.between(start, end).toSeconds());
        run.put("wallSeconds", Math.round(wallSeconds * 1000) / 1000.0);
        ArrayNode requested = run.putArray("injected");
        faults.forEach(f -> requested.add(FaultSpecParser.format(f, start)));

        ArrayNode truth = report.putArray("groundTruth");
        for (GroundTruth.FaultRecord record : simulator.groundTruth().faults()) {
            ObjectNode node = truth.addObject();
            node.put("id", record.fault().id());
            node.put("fault", FaultSpecParser.format(record.fault().spec(), start));
            node.put("started", record.started().toString());
            node.put("ended", record.ended().map(Instant::toString).orElse(null));
            node.put("cancelled", record.cancelled());
        }

        ArrayNode health = report.putArray("healthChanges");
        recorder.healthChanges.forEach(change -> health.addObject()
                .put("at", change.at().toString())
                .put("component", change.componentId())
                .put("from", change.from().name())
                .put("to", change.to().name())
                .put("reason", change.reason()));

        ArrayNode checked = report.putArray("checkedHealthChanges");
        synchronized (recorder.checkedChanges) {
            recorder.checkedChanges.forEach(change -> checked.addObject()
                    .put("at", change.at().toString())
                    .put("component", change.componentId())
                    .put("from", change.from().name())
                    .put("to", change.to().name())
                    .put("remediate", change.verdict().remediate())
                    .put("escalate", change.verdict().escalate())
                    .put("reason", change.verdict().reason()));
        }

        ArrayNode assessed = report.putArray("assessedHealthChanges");
        synchronized (recorder.assessedChanges) {
            recorder.assessedChanges.forEach(change -> assessed.addObject()
                    .put("at", change.at().toString())
                    .put("component", change.componentId())
                    .put("from", change.from().name())
                    .put("to", change.to().name())
                    .put("severity", change.assessment().severity().name())
                    .put("source", change.assessment().source().name())
                    .put("reason", change.assessment().reason()));
        }

        ArrayNode anomalies = report.putArray("anomalies");
        recorder.anomalies.forEach(anomaly -> anomalies.addObject()
                .put("at", anomaly.at().toString())
                .put("component", anomaly.componentId())
                .put("severity", anomaly.severity().name())
                .put("score", round(anomaly.score()))
                .put("explanation", anomaly.explanation().summary()));

        ArrayNode conditions = report.putArray("simulatedConditionChanges");
        recorder.conditionChanges.forEach(change -> conditions.addObject()
                .put("at", change.at().toString())
                .put("component", change.componentId())
                .put("from", change.from().name())
                .put("to", change.to().name())
                .put("reason", change.reason()));

        ArrayNode changes = report.putArray("changeEvents");
        recorder.changes.forEach(change -> changes.addObject()
                .put("at", change.at().toString())
                .put("component", change.componentId())
                .put("kind", change.kind().name())
                .put("fromVersion", change.fromVersion())
                .put("toVersion", change.toVersion())
                .put("description", change.description()));

        ArrayNode actions = report.putArray("appliedActions");
        recorder.actions.forEach(action -> actions.addObject()
                .put("at", action.at().toString())
                .put("action", action.action().describe())
                .put("applied", action.result().applied())
                .put("message", action.result().message()));

        ArrayNode components = report.putArray("components");
        HealthState[] finalConditions = simulator.healthSnapshot();
        for (int i = 0; i < topology.size(); i++) {
            components.addObject()
                    .put("id", topology.component(i).id())
                    .put("finalState", detection.state(i).name())
                    .put("worstState", recorder.worstState[i].name())
                    .put("secondsNotHealthy", recorder.secondsNotHealthy[i])
                    .put("finalAssessedState", assessedHealth.state(i).name())
                    .put("worstAssessedState", recorder.worstAssessed[i].name())
                    .put("finalSimulatedCondition", finalConditions[i].name())
                    .put("worstSimulatedCondition", recorder.worstCondition[i].name())
                    .put("secondsImpaired", recorder.secondsImpaired[i])
                    .put("maxP99Ms", round(recorder.maxP99Millis[i]))
                    .put("maxErrorPercent", round(recorder.maxErrorPercent[i]));
        }
        IncidentReport.write(report, incidents, rootCauses);
        return report;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
