package dev.firebreak.engine.heal.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.firebreak.engine.heal.BlastRadius;
import dev.firebreak.engine.heal.GateVerdict;
import dev.firebreak.engine.heal.Gate;
import dev.firebreak.engine.heal.HealingAction;
import dev.firebreak.engine.heal.HealingDecision;
import dev.firebreak.engine.heal.HealingMode;
import dev.firebreak.engine.heal.HealingState;
import dev.firebreak.engine.heal.Strategy;
import dev.firebreak.engine.heal.Verdict;
import dev.firebreak.engine.heal.VerificationOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/** Decisions and actions as JSON snapshots for the database; a row that does not read is reported, never guessed. */
public final class HealingJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private HealingJson() {
    }

    public static String write(HealingDecision d) {
        return text(decision(d));
    }

    public static String write(HealingAction a) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("id", a.id());
        node.set("decision", decision(a.decision()));
        a.executionId().ifPresent(id -> node.put("executionId", id));
        node.put("state", a.state().name());
        a.verification().ifPresent(v -> node.put("verification", v.name()));
        node.put("note", a.note());
        node.put("startedAt", a.startedAt().toString());
        node.put("updatedAt", a.updatedAt().toString());
        a.rollbackId().ifPresent(id -> node.put("rollbackId", id));
        return text(node);
    }

    public static HealingDecision readDecision(String json) {
        return decision(tree(json));
    }

    public static HealingAction readAction(String json) {
        JsonNode node = tree(json);
        try {
            return new HealingAction(node.get("id").asLong(), decision(node.get("decision")),
                    node.has("executionId") ? Optional.of(node.get("executionId").asLong()) : Optional.empty(),
                    HealingState.valueOf(node.get("state").asText()),
                    node.has("verification") ? Optional.of(VerificationOutcome.valueOf(node.get("verification").asText()))
                            : Optional.empty(),
                    node.path("note").asText(""), Instant.parse(node.get("startedAt").asText()),
                    Instant.parse(node.get("updatedAt").asText()),
                    node.has("rollbackId") ? Optional.of(node.get("rollbackId").asLong()) : Optional.empty());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("healing action snapshot does not read: " + e.getMessage(), e);
        }
    }

    private static ObjectNode decision(HealingDecision d) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("id", d.id());
        d.incidentId().ifPresent(id -> node.put("incidentId", id));
        node.put("at", d.at().toString());
        node.put("strategy", d.strategy().name());
        node.put("component", d.component());
        node.put("faultKind", d.faultKind());
        node.put("causeConfidence", d.causeConfidence());
        d.playbookId().ifPresent(id -> node.put("playbookId", id));
        node.put("confidence", d.confidence());
        node.put("threshold", d.threshold());
        d.successRate().ifPresent(rate -> node.put("successRate", rate));
        d.blastRadius().ifPresent(radius -> node.put("blastRadius", radius.name()));
        ObjectNode parameters = node.putObject("parameters");
        new TreeMap<>(d.parameters()).forEach(parameters::put);
        ArrayNode gates = node.putArray("gates");
        for (GateVerdict gate : d.gates()) {
            gates.addObject().put("gate", gate.gate().name()).put("passed", gate.passed()).put("why", gate.why());
        }
        node.put("verdict", d.verdict().name());
        node.put("mode", d.mode().name());
        return node;
    }

    private static HealingDecision decision(JsonNode node) {
        try {
            List<GateVerdict> gates = new ArrayList<>();
            for (JsonNode gate : node.get("gates")) {
                gates.add(new GateVerdict(Gate.valueOf(gate.get("gate").asText()), gate.get("passed").asBoolean(),
                        gate.get("why").asText()));
            }
            Map<String, String> parameters = new TreeMap<>();
            node.path("parameters").fields().forEachRemaining(e -> parameters.put(e.getKey(), e.getValue().asText()));
            return new HealingDecision(node.get("id").asLong(),
                    node.has("incidentId") ? Optional.of(node.get("incidentId").asLong()) : Optional.empty(),
                    Instant.parse(node.get("at").asText()), Strategy.valueOf(node.get("strategy").asText()),
                    node.get("component").asText(), node.get("faultKind").asText(), node.get("causeConfidence").asDouble(),
                    node.has("playbookId") ? Optional.of(node.get("playbookId").asText()) : Optional.empty(),
                    node.get("confidence").asDouble(), node.get("threshold").asDouble(),
                    node.has("successRate") ? OptionalDouble.of(node.get("successRate").asDouble()) : OptionalDouble.empty(),
                    node.has("blastRadius") ? Optional.of(BlastRadius.valueOf(node.get("blastRadius").asText()))
                            : Optional.empty(),
                    parameters, gates, Verdict.valueOf(node.get("verdict").asText()),
                    HealingMode.valueOf(node.get("mode").asText()));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("healing decision snapshot does not read: " + e.getMessage(), e);
        }
    }

    private static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String text(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
