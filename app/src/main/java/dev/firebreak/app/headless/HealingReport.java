package dev.firebreak.app.headless;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.firebreak.engine.heal.GateVerdict;
import dev.firebreak.engine.heal.HealingAction;
import dev.firebreak.engine.heal.HealingDecision;
import dev.firebreak.engine.heal.HealingService;
import java.util.Locale;
import java.util.TreeMap;

/**
 * The report's {@code healing}: the mode, every decision with its gates (whatever it concluded), and {@code actions}:
 * every healing action with the incident it served, its playbook, its run and its verification.
 */
final class HealingReport {

    private HealingReport() {
    }

    static void write(ObjectNode report, HealingService healing) {
        ObjectNode section = report.putObject("healing");
        section.put("mode", healing.config().modeFor(healing.environment()).label());
        section.put("environment", healing.environment());
        healing.halt().current().ifPresentOrElse(h -> section.putObject("halt").put("person", h.person())
                .put("reason", h.reason()).put("at", h.at().toString()), () -> section.putNull("halt"));
        ArrayNode decisions = section.putArray("decisions");
        for (HealingDecision d : healing.decisions()) {
            decision(decisions.addObject(), d);
        }
        ArrayNode actions = report.putArray("actions");
        for (HealingAction a : healing.actions()) {
            ObjectNode node = actions.addObject();
            node.put("id", a.id());
            a.decision().incidentId().ifPresentOrElse(id -> node.put("incident", id), () -> node.putNull("incident"));
            node.put("playbook", a.playbookId());
            node.put("component", a.component());
            node.put("faultKind", a.decision().faultKind());
            node.put("strategy", a.decision().strategy().name().toLowerCase(Locale.ROOT));
            a.executionId().ifPresentOrElse(id -> node.put("run", id), () -> node.putNull("run"));
            a.rollbackId().ifPresentOrElse(id -> node.put("rollbackRun", id), () -> node.putNull("rollbackRun"));
            node.put("state", a.state().name());
            a.verification().ifPresentOrElse(v -> node.put("verification", v.name()), () -> node.putNull("verification"));
            node.put("note", a.note());
            node.put("startedAt", a.startedAt().toString());
            node.put("updatedAt", a.updatedAt().toString());
            node.put("decision", a.decision().id());
        }
    }

    private static ObjectNode decision(ObjectNode node, HealingDecision d) {
        node.put("id", d.id());
        d.incidentId().ifPresentOrElse(id -> node.put("incident", id), () -> node.putNull("incident"));
        node.put("at", d.at().toString());
        node.put("strategy", d.strategy().name().toLowerCase(Locale.ROOT));
        node.put("component", d.component());
        node.put("faultKind", d.faultKind());
        node.put("causeConfidence", d.causeConfidence());
        d.playbookId().ifPresentOrElse(id -> node.put("playbook", id), () -> node.putNull("playbook"));
        node.put("confidence", d.confidence());
        node.put("threshold", d.threshold());
        d.blastRadius().ifPresentOrElse(r -> node.put("blastRadius", r.label()), () -> node.putNull("blastRadius"));
        node.put("verdict", d.verdict().name());
        node.put("mode", d.mode().label());
        d.refusedBy().ifPresentOrElse(g -> node.put("refusedBy", g.gate().label()), () -> node.putNull("refusedBy"));
        ObjectNode parameters = node.putObject("parameters");
        new TreeMap<>(d.parameters()).forEach(parameters::put);
        ArrayNode gates = node.putArray("gates");
        for (GateVerdict gate : d.gates()) {
            gates.addObject().put("gate", gate.gate().label()).put("passed", gate.passed()).put("why", gate.why());
        }
        return node;
    }
}
