package dev.firebreak.engine.runbook;

import dev.firebreak.engine.action.RemediationAction;
import dev.firebreak.engine.executor.Invocation;
import dev.firebreak.engine.runbook.internal.StepRenderer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Dynamic runbooks (ai-sre-runbook-system.md): a draft written from what was actually run during an incident, in
 * order, each step as concrete as it ran (the rendered target, arguments and request), with its outcome as a comment.
 * A person reviews it, turns the concrete values back into parameters where they should be, and saves it.
 */
public final class RunbookDrafts {

    private RunbookDrafts() {
    }

    /** The draft for incident {@code incidentId}, from the runs started for it; YAML text that loads. */
    public static String fromIncident(long incidentId, String incidentTitle, List<Execution> executions) {
        StringBuilder yaml = new StringBuilder();
        yaml.append("# Drafted from what ran during incident ").append(incidentId).append(". Review every step, replace\n")
                .append("# concrete values with parameters where they should vary, then save.\n");
        yaml.append("id: incident-").append(incidentId).append("-draft\n");
        yaml.append("title: ").append(quote("What resolved: " + incidentTitle)).append('\n');
        yaml.append("kind: dynamic\n");
        yaml.append("description: ").append(quote("Steps taken during incident " + incidentId + ", in the order they ran."))
                .append('\n');
        yaml.append("steps:\n");
        StepRenderer renderer = new StepRenderer(MetricSource.NONE);
        List<Execution> runs = executions.stream().filter(e -> e.incidentId().equals(Optional.of(incidentId))
                && e.mode() != ExecutionMode.DRY_RUN).sorted(Comparator.comparing(Execution::startedAt)).toList();
        int written = 0;
        for (Execution run : runs) {
            for (int i = 0; i < run.steps().size(); i++) {
                StepRun step = run.steps().get(i);
                RunbookStep definition = run.runbook().steps().get(i);
                if (step.attempts() == 0 || definition.type() == StepType.DECISION || definition.type() == StepType.ROLLBACK) {
                    continue;
                }
                String body;
                try {
                    body = body(renderer.render(run, definition, definition.action(), true).invocation(), definition, step);
                } catch (RuntimeException e) {
                    body = "    type: manual\n    instructions: " + quote(step.rendered()) + "\n";
                }
                written++;
                yaml.append("  # ").append(run.runbook().id()).append(" run ").append(run.id()).append(", step ")
                        .append(step.stepId()).append(": ").append(step.state().name().toLowerCase(java.util.Locale.ROOT))
                        .append(step.message().isEmpty() ? "" : " (" + oneLine(step.message()) + ")").append('\n');
                yaml.append("  - id: step-").append(written).append('\n');
                yaml.append("    title: ").append(quote(definition.title())).append('\n');
                yaml.append(body);
            }
        }
        if (written == 0) {
            yaml.append("  - id: step-1\n    title: \"Describe what was done\"\n    type: manual\n")
                    .append("    instructions: \"No runbook steps ran during this incident; write down what people did.\"\n");
        }
        return yaml.toString();
    }

    private static String body(Optional<Invocation> invocation, RunbookStep definition, StepRun step) {
        if (invocation.isEmpty()) {
            if (definition.type() == StepType.VALIDATION && definition.condition().isPresent()) {
                return "    type: validation\n    condition: " + quote(definition.condition().get().toString()) + "\n";
            }
            // The instructions as the person saw them, values filled in: the draft has no parameters yet.
            String text = step.rendered().startsWith("manual: ") ? step.rendered().substring("manual: ".length())
                    : definition.title();
            return "    type: manual\n    instructions: " + quote(text) + "\n";
        }
        String type = definition.type() == StepType.API_CALL ? "api_call" : "command";
        return "    type: " + type + "\n" + switch (invocation.get()) {
            case Invocation.Process process -> "    command: " + list(process.argv()) + "\n";
            case Invocation.Kubectl kubectl -> "    kubectl: {context: " + quote(kubectl.context()) + ", namespace: "
                    + quote(kubectl.namespace()) + ", args: " + list(kubectl.args()) + "}\n";
            case Invocation.Http http -> "    request: {method: " + http.method() + ", url: " + quote(http.url())
                    + (http.body().isEmpty() ? "" : ", body: " + quote(http.body())) + ", expectStatus: " + http.expectStatus()
                    + "}\n";
            case Invocation.Simulator simulator -> "    simulator: " + simulator(simulator.action()) + "\n";
        };
    }

    private static String simulator(RemediationAction action) {
        Map<String, String> fields = new TreeMap<>();
        switch (action) {
            case RemediationAction.Scale s -> fields.put("replicas", String.valueOf(s.replicas()));
            case RemediationAction.CircuitBreaker b -> fields.put("callee", b.callee());
            case RemediationAction.ShedLoad s -> fields.put("fraction", String.valueOf(s.fraction()));
            case RemediationAction.Reroute r -> {
                fields.put("alternative", r.alternative());
                fields.put("fraction", String.valueOf(r.fraction()));
            }
            default -> { }
        }
        String name = StepAction.Simulator.actionName(action);
        StringBuilder out = new StringBuilder("{action: ").append(name).append(", target: ").append(quote(action.target()));
        fields.forEach((key, value) -> out.append(", ").append(key).append(": ").append(quote(value)));
        return out.append('}').toString();
    }

    private static String list(List<String> values) {
        List<String> quoted = new ArrayList<>();
        values.forEach(value -> quoted.add(quote(value)));
        return "[" + String.join(", ", quoted) + "]";
    }

    private static String oneLine(String text) {
        return text.replace('\n', ' ').replace('\r', ' ');
    }

    /** A YAML double-quoted scalar: every character literal. */
    static String quote(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
