package dev.firebreak.app.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.firebreak.engine.runbook.Approval;
import dev.firebreak.engine.runbook.Condition;
import dev.firebreak.engine.runbook.Execution;
import dev.firebreak.engine.runbook.PlannedStep;
import dev.firebreak.engine.runbook.Runbook;
import dev.firebreak.engine.runbook.RunbookLearning;
import dev.firebreak.engine.runbook.RunbookLibrary;
import dev.firebreak.engine.runbook.RunbookOutcome;
import dev.firebreak.engine.runbook.RunbookParameter;
import dev.firebreak.engine.runbook.RunbookStep;
import dev.firebreak.engine.runbook.StepRun;
import dev.firebreak.engine.runbook.StepType;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The API's JSON, built node by node (no data binding of engine records, so a renamed record component never changes
 * the wire format unnoticed). Instants and durations are ISO-8601 strings ({@code 2026-12-06T10:15:30Z},
 * {@code PT5M}); enum values are lower case with underscores ({@code waiting_for_approval}); a rate without runs is
 * null.
 */
final class ApiJson {

    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private ApiJson() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ObjectNode error(String message) {
        return object().put("error", message);
    }

    static ObjectNode match(RunbookLibrary.Match match) {
        Runbook runbook = match.runbook();
        ObjectNode node = object().put("id", runbook.id()).put("title", runbook.title()).put("score", match.score());
        strings(node.putArray("reasons"), match.reasons());
        strings(node.putArray("tags"), runbook.tags());
        strings(node.putArray("alerts"), runbook.alerts());
        return node;
    }

    static ObjectNode runbook(Runbook runbook, RunbookLearning learning) {
        ObjectNode node = object().put("id", runbook.id()).put("title", runbook.title())
                .put("description", runbook.description()).put("owner", runbook.owner())
                .put("kind", JsonRequest.choice(runbook.kind()));
        strings(node.putArray("tags"), runbook.tags());
        strings(node.putArray("alerts"), runbook.alerts());
        strings(node.putArray("faultKinds"), runbook.faultKinds());
        strings(node.putArray("componentKinds"), runbook.componentKinds());
        strings(node.putArray("environments"), runbook.environments());
        ArrayNode parameters = node.putArray("parameters");
        for (RunbookParameter parameter : runbook.parameters()) {
            ObjectNode p = parameters.addObject().put("name", parameter.name()).put("type", JsonRequest.choice(parameter.type()))
                    .put("required", parameter.required()).put("description", parameter.description());
            optional(p, "default", parameter.defaultValue());
        }
        ArrayNode preconditions = node.putArray("preconditions");
        runbook.preconditions().forEach(condition -> preconditions.add(condition(condition)));
        ArrayNode steps = node.putArray("steps");
        for (RunbookStep step : runbook.steps()) {
            steps.addObject().put("id", step.id()).put("title", step.title()).put("type", JsonRequest.choice(step.type()))
                    .put("approval", step.approval()).put("critical", step.critical())
                    .put("hasRollback", step.rollback().isPresent() || step.type() == StepType.ROLLBACK)
                    .put("timeout", step.timeout().toString()).put("retries", step.retries());
        }
        node.put("yaml", runbook.source());
        node.set("learning", learning(learning));
        return node;
    }

    static ObjectNode learning(RunbookLearning learning) {
        ObjectNode node = object().put("runs", learning.runs()).put("succeeded", learning.succeeded());
        rate(node, "successRate", learning.successRate());
        node.put("p50", learning.p50().toString()).put("p90", learning.p90().toString());
        strings(node.putArray("faultKindsResolved"), learning.faultKindsResolved());
        ArrayNode steps = node.putArray("steps");
        for (RunbookLearning.StepLearning step : learning.steps()) {
            ObjectNode s = steps.addObject().put("id", step.stepId()).put("runs", step.runs()).put("succeeded", step.succeeded());
            rate(s, "successRate", step.successRate());
            s.put("p50", step.p50().toString());
        }
        return node;
    }

    static ObjectNode pattern(Runbook runbook, RunbookLearning learning) {
        ObjectNode node = object().put("runbookId", runbook.id()).put("title", runbook.title()).put("runs", learning.runs())
                .put("succeeded", learning.succeeded());
        rate(node, "successRate", learning.successRate());
        node.put("p50Seconds", seconds(learning.p50())).put("p90Seconds", seconds(learning.p90()));
        strings(node.putArray("faultKindsResolved"), learning.faultKindsResolved());
        return node;
    }

    static ObjectNode outcome(RunbookOutcome outcome) {
        return object().put("runbookId", outcome.runbookId()).put("succeeded", outcome.succeeded())
                .put("faultKind", outcome.faultKind()).put("duration", outcome.duration().toString())
                .put("actor", outcome.actor()).put("at", outcome.at().toString());
    }

    static ObjectNode plan(Runbook runbook, String mode, String environment, List<PlannedStep> planned) {
        ObjectNode node = object().put("runbookId", runbook.id()).put("mode", mode).put("environment", environment);
        ArrayNode steps = node.putArray("steps");
        for (PlannedStep step : planned) {
            ObjectNode s = steps.addObject().put("id", step.stepId()).put("title", step.title())
                    .put("type", step.type() == null ? null : JsonRequest.choice(step.type())).put("rendered", step.rendered())
                    .put("approvals", step.approvals());
            optional(s, "rollback", step.rollback());
            optional(s, "problem", step.problem());
        }
        return node;
    }

    static ObjectNode execution(Execution execution) {
        ObjectNode node = object().put("id", execution.id()).put("runbookId", execution.runbook().id())
                .put("runbookTitle", execution.runbook().title()).put("mode", JsonRequest.choice(execution.mode()))
                .put("environment", execution.environment()).put("startedBy", execution.startedBy());
        if (execution.incidentId().isPresent()) {
            node.put("incidentId", execution.incidentId().get());
        } else {
            node.putNull("incidentId");
        }
        map(node.putObject("parameters"), execution.parameters());
        map(node.putObject("labels"), execution.labels());
        node.put("state", JsonRequest.choice(execution.state())).put("message", execution.message());
        Optional<StepRun> current = execution.currentStep();
        if (current.isPresent()) {
            node.put("currentStep", current.get().stepId());
        } else {
            node.putNull("currentStep");
        }
        node.put("startedAt", instant(execution.startedAt())).put("updatedAt", instant(execution.updatedAt()));
        ArrayNode steps = node.putArray("steps");
        for (int i = 0; i < execution.steps().size(); i++) {
            RunbookStep step = execution.runbook().steps().get(i);
            StepRun run = execution.steps().get(i);
            int needed = step.waitsForPerson(execution.mode()) ? (step.type() == StepType.MANUAL ? 1 : step.approvalsNeeded()) : 0;
            ObjectNode s = steps.addObject().put("id", run.stepId()).put("title", step.title())
                    .put("type", JsonRequest.choice(step.type())).put("state", JsonRequest.choice(run.state()))
                    .put("attempts", run.attempts()).put("rendered", run.rendered()).put("hash", run.hash())
                    .put("approvalsNeeded", needed);
            ArrayNode approvals = s.putArray("approvals");
            for (Approval approval : run.approvals()) {
                approvals.addObject().put("person", approval.person()).put("at", instant(approval.at()))
                        .put("hash", approval.hash());
            }
            s.put("message", run.message()).put("exitCode", run.exitCode()).put("output", run.output());
            optional(s, "startedAt", run.startedAt().map(ApiJson::instant));
            optional(s, "endedAt", run.endedAt().map(ApiJson::instant));
        }
        return node;
    }

    static ArrayNode strings(ArrayNode array, Collection<String> values) {
        values.forEach(array::add);
        return array;
    }

    private static String condition(Condition condition) {
        return condition.left() + " " + condition.operator().symbol() + " " + condition.right();
    }

    private static void map(ObjectNode node, Map<String, String> values) {
        new TreeMap<>(values).forEach(node::put);
    }

    private static void optional(ObjectNode node, String name, Optional<String> value) {
        if (value.isPresent()) {
            node.put(name, value.get());
        } else {
            node.putNull(name);
        }
    }

    private static void rate(ObjectNode node, String name, double rate) {
        if (Double.isNaN(rate)) {
            node.putNull(name);
        } else {
            node.put(name, rate);
        }
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    private static String instant(Instant instant) {
        return instant.toString();
    }
}
