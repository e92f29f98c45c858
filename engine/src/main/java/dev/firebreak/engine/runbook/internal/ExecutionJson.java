package dev.firebreak.engine.runbook.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.firebreak.engine.runbook.Approval;
import dev.firebreak.engine.runbook.Execution;
import dev.firebreak.engine.runbook.ExecutionMode;
import dev.firebreak.engine.runbook.ExecutionState;
import dev.firebreak.engine.runbook.Runbook;
import dev.firebreak.engine.runbook.RunbookException;
import dev.firebreak.engine.runbook.RunbookLoader;
import dev.firebreak.engine.runbook.StepRun;
import dev.firebreak.engine.runbook.StepState;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An execution as JSON: the runbook travels as its YAML source, so a run resumed after a restart follows the exact
 * runbook it started with, whatever the library holds by then.
 */
public final class ExecutionJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ExecutionJson() {
    }

    public static String write(Execution e) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("id", e.id());
        root.put("runbookId", e.runbook().id());
        root.put("runbookSource", e.runbook().source());
        e.runbook().directory().ifPresent(dir -> root.put("runbookDirectory", dir.toString()));
        root.put("mode", e.mode().name());
        root.put("environment", e.environment());
        root.put("startedBy", e.startedBy());
        e.incidentId().ifPresent(id -> root.put("incidentId", id));
        root.set("parameters", map(e.parameters()));
        root.set("labels", map(e.labels()));
        root.put("state", e.state().name());
        root.put("current", e.current());
        root.put("startedAt", e.startedAt().toString());
        root.put("updatedAt", e.updatedAt().toString());
        root.put("message", e.message());
        ArrayNode steps = root.putArray("steps");
        for (StepRun step : e.steps()) {
            ObjectNode s = steps.addObject();
            s.put("stepId", step.stepId());
            s.put("state", step.state().name());
            s.put("attempts", step.attempts());
            s.put("rendered", step.rendered());
            s.put("hash", step.hash());
            ArrayNode approvals = s.putArray("approvals");
            for (Approval approval : step.approvals()) {
                approvals.addObject().put("person", approval.person()).put("at", approval.at().toString())
                        .put("hash", approval.hash());
            }
            s.put("output", step.output());
            s.put("exitCode", step.exitCode());
            step.startedAt().ifPresent(at -> s.put("startedAt", at.toString()));
            step.endedAt().ifPresent(at -> s.put("endedAt", at.toString()));
            s.put("message", step.message());
        }
        return root.toString();
    }

    /**
     * @throws IllegalArgumentException naming what is wrong with the snapshot
     */
    public static Execution read(String json) {
        try {
            JsonNode root = MAPPER.readTree(json);
            Optional<Path> directory = root.hasNonNull("runbookDirectory")
                    ? Optional.of(Path.of(root.get("runbookDirectory").asText())) : Optional.empty();
            Runbook runbook = RunbookLoader.parse(root.get("runbookId").asText() + " (stored)",
                    root.get("runbookSource").asText(), directory);
            List<StepRun> steps = new ArrayList<>();
            for (JsonNode s : root.get("steps")) {
                List<Approval> approvals = new ArrayList<>();
                for (JsonNode a : s.get("approvals")) {
                    approvals.add(new Approval(a.get("person").asText(), Instant.parse(a.get("at").asText()),
                            a.get("hash").asText()));
                }
                steps.add(new StepRun(s.get("stepId").asText(), StepState.valueOf(s.get("state").asText()),
                        s.get("attempts").asInt(), s.get("rendered").asText(), s.get("hash").asText(), approvals,
                        s.get("output").asText(), s.get("exitCode").asInt(), instant(s, "startedAt"), instant(s, "endedAt"),
                        s.get("message").asText()));
            }
            return new Execution(root.get("id").asLong(), runbook, ExecutionMode.valueOf(root.get("mode").asText()),
                    root.get("environment").asText(), root.get("startedBy").asText(),
                    root.hasNonNull("incidentId") ? Optional.of(root.get("incidentId").asLong()) : Optional.empty(),
                    textMap(root.get("parameters")), textMap(root.get("labels")),
                    ExecutionState.valueOf(root.get("state").asText()), steps, root.get("current").asInt(),
                    Instant.parse(root.get("startedAt").asText()), Instant.parse(root.get("updatedAt").asText()),
                    root.get("message").asText());
        } catch (RunbookException e) {
            throw new IllegalArgumentException("its runbook no longer loads: " + e.getMessage(), e);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | RuntimeException e) {
            throw new IllegalArgumentException("unreadable snapshot: " + e.getMessage(), e);
        }
    }

    private static ObjectNode map(Map<String, String> values) {
        ObjectNode node = MAPPER.createObjectNode();
        new java.util.TreeMap<>(values).forEach(node::put);
        return node;
    }

    private static Map<String, String> textMap(JsonNode node) {
        Map<String, String> values = new LinkedHashMap<>();
        node.fields().forEachRemaining(entry -> values.put(entry.getKey(), entry.getValue().asText()));
        return values;
    }

    private static Optional<Instant> instant(JsonNode node, String field) {
        return node.hasNonNull(field) ? Optional.of(Instant.parse(node.get(field).asText())) : Optional.empty();
    }
}
