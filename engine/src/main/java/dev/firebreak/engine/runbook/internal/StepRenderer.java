package dev.firebreak.engine.runbook.internal;

import dev.firebreak.engine.executor.Invocation;
import dev.firebreak.engine.runbook.Condition;
import dev.firebreak.engine.runbook.Execution;
import dev.firebreak.engine.runbook.MetricSource;
import dev.firebreak.engine.runbook.RunbookStep;
import dev.firebreak.engine.runbook.StepAction;
import dev.firebreak.engine.runbook.StepRun;
import dev.firebreak.engine.runbook.StepState;
import dev.firebreak.engine.runbook.StepType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * Turns a step of an execution into what it would run: every template is substituted inside its own element (one
 * argv element stays one element whatever the value holds; values in URLs are URL-encoded), and the result is the
 * exact text a person approves, with its hash.
 */
public final class StepRenderer {

    /** What a step runs ({@code invocation} is empty for manual, decision, rollback and condition-only steps). */
    public record Rendered(Optional<Invocation> invocation, String text, String hash) {
    }

    private final MetricSource metrics;

    public StepRenderer(MetricSource metrics) {
        this.metrics = metrics;
    }

    /**
     * Renders {@code action} of {@code step} in {@code execution}.
     *
     * @throws Templates.UnknownVariableException naming a variable the run does not have
     * @throws IllegalArgumentException           when the rendered values do not make a valid invocation
     */
    public Rendered render(Execution execution, RunbookStep step, StepAction action) {
        return render(execution, step, action, false);
    }

    /** As {@link #render(Execution, RunbookStep, StepAction)}; when planning, values not known yet show as placeholders. */
    public Rendered render(Execution execution, RunbookStep step, StepAction action, boolean planning) {
        Function<String, Optional<String>> known = variables(execution);
        Function<String, Optional<String>> vars = planning
                ? name -> known.apply(name).or(() -> name.startsWith("steps.") || name.startsWith("metrics.")
                        ? Optional.of("<" + name + ">") : Optional.empty())
                : known;
        Optional<Invocation> invocation = switch (action) {
            // Only the step's own action of a SCRIPT step is a script; its rollback is a plain command.
            case StepAction.Command command -> Optional.of(process(execution, step, command, vars,
                    step.type() == StepType.SCRIPT && action == step.action()));
            case StepAction.Kubectl kubectl -> Optional.of(new Invocation.Kubectl(
                    Templates.render(kubectl.context(), vars), Templates.render(kubectl.namespace(), vars),
                    kubectl.args().stream().map(arg -> Templates.render(arg, vars)).toList(), step.timeout(),
                    kubectl.outputLimitBytes()));
            case StepAction.Http http -> Optional.of(http(step, http, vars));
            case StepAction.Simulator simulator -> {
                Map<String, String> arguments = new LinkedHashMap<>();
                simulator.arguments().forEach((name, value) -> arguments.put(name, Templates.render(value, vars)));
                yield Optional.of(new Invocation.Simulator(StepAction.Simulator.toAction(simulator.action(),
                        Templates.render(simulator.target(), vars), arguments)));
            }
            case StepAction.Manual manual -> Optional.empty();
            case StepAction.None none -> Optional.empty();
        };
        String text = invocation.map(Invocation::render).orElseGet(() -> describe(step, action, vars));
        if (step.type() == StepType.VALIDATION && step.condition().isPresent()) {
            text = (invocation.isPresent() ? text + " then " : "") + "assert " + symbolic(execution, step.condition().get(), vars)
                    + " for "
                    + dev.firebreak.engine.time.Durations.format(step.hold()) + " within "
                    + dev.firebreak.engine.time.Durations.format(step.timeout());
        }
        return new Rendered(invocation, text, hash(step.id(), text));
    }

    /**
     * The condition with parameters, labels and earlier results filled in but metrics left as names (their values
     * move while the step polls, and the approved text must not): "{{metrics.catalog.memory}} > 75".
     */
    private static String symbolic(Execution execution, Condition condition, Function<String, Optional<String>> vars) {
        Function<String, Optional<String>> keepMetrics = name -> {
            if (!name.startsWith("metrics.")) {
                return vars.apply(name);
            }
            String rest = name.substring("metrics.".length());
            if (rest.startsWith("@") && rest.indexOf('.') > 1) {
                String parameter = execution.parameters().get(rest.substring(1, rest.indexOf('.')));
                if (parameter != null) {
                    rest = parameter + rest.substring(rest.indexOf('.'));
                }
            }
            return Optional.of("{{metrics." + rest + "}}");
        };
        return Templates.render(condition.left(), keepMetrics) + " " + condition.operator().symbol() + " "
                + Templates.render(condition.right(), keepMetrics);
    }

    private String describe(RunbookStep step, StepAction action, Function<String, Optional<String>> vars) {
        return switch (step.type()) {
            case MANUAL -> "manual: " + Templates.render(((StepAction.Manual) action).instructions(), vars);
            case DECISION -> "decide " + step.condition().orElseThrow() + " then " + step.onTrue().orElse("next")
                    + " else " + step.onFalse().orElse("next");
            case ROLLBACK -> "roll back " + (step.undo().isEmpty() ? "every succeeded step before this one"
                    : String.join(", ", step.undo())) + ", newest first";
            default -> "";
        };
    }

    private Invocation.Process process(Execution execution, RunbookStep step, StepAction.Command command,
            Function<String, Optional<String>> vars, boolean runsAScript) {
        List<String> argv = new ArrayList<>();
        for (String element : command.argv()) {
            argv.add(Templates.render(element, vars));
        }
        if (runsAScript) {
            Path directory = execution.runbook().directory().orElseThrow(() -> new IllegalArgumentException(
                    "script steps need the runbook's directory; this runbook was not read from a file"));
            Path script = directory.resolve(argv.getFirst()).normalize();
            if (!script.startsWith(directory.normalize())) {
                throw new IllegalArgumentException("script '" + argv.getFirst() + "' is outside the runbook's directory");
            }
            argv.set(0, script.toString());
        }
        Optional<Path> workingDirectory = command.workingDirectory().map(dir -> Path.of(Templates.render(dir, vars)));
        Map<String, String> environment = new LinkedHashMap<>();
        command.environment().forEach((name, value) -> environment.put(name, Templates.render(value, vars)));
        return new Invocation.Process(argv, workingDirectory, environment, step.timeout(), command.outputLimitBytes());
    }

    private static Invocation.Http http(RunbookStep step, StepAction.Http http, Function<String, Optional<String>> vars) {
        Map<String, String> headers = new LinkedHashMap<>();
        http.headers().forEach((name, value) -> headers.put(name, Templates.render(value, vars)));
        // Substituted values are URL-encoded: a label cannot add a path segment or a query parameter.
        String url = Templates.render(http.url(), vars, value -> URLEncoder.encode(value, StandardCharsets.UTF_8));
        return new Invocation.Http(http.method(), url, headers, Templates.render(http.body(), vars), http.expectStatus(),
                Templates.render(http.expectBodyContains(), vars), step.timeout());
    }

    /** Whether {@code condition} holds now, with both sides rendered. */
    public Evaluation evaluate(Execution execution, Condition condition) {
        Function<String, Optional<String>> vars = variables(execution);
        String left = Templates.render(condition.left(), vars);
        String right = Templates.render(condition.right(), vars);
        return new Evaluation(condition.holds(left, right), left + " " + condition.operator().symbol() + " " + right);
    }

    /** A condition's verdict and the rendered comparison, for messages. */
    public record Evaluation(boolean holds, String rendered) {
    }

    /** The variables of a run: incident, environment, parameters, labels, earlier steps' results, metrics. */
    public Function<String, Optional<String>> variables(Execution execution) {
        return name -> {
            switch (name) {
                case "incident.id":
                    return execution.incidentId().map(String::valueOf);
                case "environment":
                    return Optional.of(execution.environment());
                case "execution.id":
                    return Optional.of(String.valueOf(execution.id()));
                case "runbook.id":
                    return Optional.of(execution.runbook().id());
                default:
                    break;
            }
            if (name.startsWith("params.")) {
                return Optional.ofNullable(execution.parameters().get(name.substring("params.".length())));
            }
            if (name.startsWith("labels.")) {
                return Optional.ofNullable(execution.labels().get(name.substring("labels.".length())));
            }
            if (name.startsWith("steps.")) {
                return stepValue(execution, name.substring("steps.".length()));
            }
            if (name.startsWith("metrics.")) {
                String rest = name.substring("metrics.".length());
                int dot = rest.lastIndexOf('.');
                if (dot <= 0) {
                    return Optional.empty();
                }
                String component = rest.substring(0, dot);
                if (component.startsWith("@")) {
                    // {{metrics.@service.error_rate}}: the component named by parameter "service"
                    String parameter = execution.parameters().get(component.substring(1));
                    if (parameter == null) {
                        return Optional.empty();
                    }
                    component = parameter;
                }
                OptionalDouble value = metrics.latest(component, rest.substring(dot + 1).toLowerCase(Locale.ROOT));
                return value.isPresent() && Double.isFinite(value.getAsDouble())
                        ? Optional.of(String.valueOf(value.getAsDouble())) : Optional.empty();
            }
            return Optional.empty();
        };
    }

    private static Optional<String> stepValue(Execution execution, String rest) {
        int dot = rest.lastIndexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String stepId = rest.substring(0, dot);
        if (execution.runbook().indexOf(stepId) < 0) {
            return Optional.empty();
        }
        StepRun run = execution.step(stepId);
        // Only a step that succeeded has results to build on; a skipped or failed one's are unknown, not empty.
        boolean done = run.state() == StepState.SUCCEEDED || run.state() == StepState.ROLLED_BACK
                || run.state() == StepState.ROLLBACK_FAILED;
        return switch (rest.substring(dot + 1)) {
            case "output" -> done ? Optional.of(run.output().strip()) : Optional.empty();
            case "exitCode" -> done ? Optional.of(String.valueOf(run.exitCode())) : Optional.empty();
            case "state" -> Optional.of(run.state().name().toLowerCase(Locale.ROOT));
            default -> Optional.empty();
        };
    }

    /** SHA-256 of the step id and its rendered text: an approval cannot move to another step with the same text. */
    public static String hash(String stepId, String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest((stepId + "\n" + text).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
