package dev.firebreak.engine.runbook;

import dev.firebreak.engine.config.YamlNodes;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads one runbook from YAML (format: sample-data {@code runbooks/*.yaml}, described in docs/runbooks.md). Unknown
 * fields, wrong types, unknown step references and invalid values are errors naming file, line and field; a runbook is
 * loaded whole or not at all.
 */
public final class RunbookLoader {

    /** Files larger than this are refused before parsing: a runbook is a page, not a payload. */
    public static final long MAX_FILE_BYTES = 512 * 1024;
    static final int DEFAULT_OUTPUT_LIMIT = 64 * 1024;

    /** The top-level fields of a runbook file. */
    public static final List<String> RUNBOOK_FIELDS = List.of("id", "title", "description", "owner", "kind", "tags",
            "alerts", "faultKinds", "componentKinds", "environments", "parameters", "preconditions", "steps");
    private static final List<String> ACTION_FIELDS = List.of("command", "script", "kubectl", "simulator", "request",
            "instructions", "workingDirectory", "env", "outputLimit");
    private static final List<String> STEP_FIELDS;

    static {
        List<String> fields = new ArrayList<>(List.of("id", "title", "type", "timeout", "retries", "retryDelay",
                "approval", "critical", "expect", "hold", "condition", "then", "else", "undo", "rollback"));
        fields.addAll(ACTION_FIELDS);
        STEP_FIELDS = List.copyOf(fields);
    }

    private final YamlNodes<RunbookException> yaml;
    private final List<String> topFields;

    private RunbookLoader(String source, List<String> extraFields) {
        this.yaml = new YamlNodes<>(source, RunbookException::new);
        List<String> fields = new ArrayList<>(RUNBOOK_FIELDS);
        fields.addAll(extraFields);
        this.topFields = List.copyOf(fields);
    }

    /** Reads {@code file}; SCRIPT steps find their scripts relative to its directory. */
    public static Runbook load(Path file) throws RunbookException {
        String name = file.getFileName().toString();
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new RunbookException(name, 0, "", "file is " + size + " bytes; the limit is " + MAX_FILE_BYTES);
            }
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return new RunbookLoader(name, List.of()).parse(text, Optional.ofNullable(file.toAbsolutePath().getParent()));
        } catch (IOException e) {
            throw new RunbookException(file.toString(), 0, "", "cannot read: " + e.getMessage());
        }
    }

    /** Reads a runbook from text (the editor, the API); scripts resolve against {@code directory} if given. */
    public static Runbook parse(String sourceName, String text, Optional<Path> directory) throws RunbookException {
        return parse(sourceName, text, directory, List.of());
    }

    /**
     * As above, allowing the top-level fields {@code extraFields} that a format built on runbooks adds (a healing
     * playbook's {@code healing} block); this loader ignores them and the caller reads them.
     */
    public static Runbook parse(String sourceName, String text, Optional<Path> directory, List<String> extraFields)
            throws RunbookException {
        if (text.length() > MAX_FILE_BYTES) {
            throw new RunbookException(sourceName, 0, "", "text is " + text.length() + " characters; the limit is " + MAX_FILE_BYTES);
        }
        return new RunbookLoader(sourceName, extraFields).parse(text, directory);
    }

    private Runbook parse(String text, Optional<Path> directory) throws RunbookException {
        Node root = yaml.root(new StringReader(text));
        Map<String, Node> f = yaml.fields(root, "", topFields);
        String id = yaml.text(yaml.required(f, "id", root, ""), "id");
        String title = yaml.text(yaml.required(f, "title", root, ""), "title");
        String description = f.containsKey("description") ? yaml.scalar(f.get("description"), "description").strip() : "";
        String owner = f.containsKey("owner") ? yaml.text(f.get("owner"), "owner") : "";
        Runbook.Kind kind = Runbook.Kind.STATIC;
        if (f.containsKey("kind")) {
            String value = yaml.text(f.get("kind"), "kind");
            try {
                kind = Runbook.Kind.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw yaml.error(f.get("kind"), "kind", "unknown kind '" + value + "'; kinds: static, dynamic, template");
            }
        }
        List<RunbookParameter> parameters = new ArrayList<>();
        if (f.containsKey("parameters")) {
            List<Node> items = yaml.list(f.get("parameters"), "parameters");
            for (int i = 0; i < items.size(); i++) {
                parameters.add(parameter(items.get(i), "parameters[" + i + "]"));
            }
        }
        List<Condition> preconditions = new ArrayList<>();
        if (f.containsKey("preconditions")) {
            List<Node> items = yaml.list(f.get("preconditions"), "preconditions");
            for (int i = 0; i < items.size(); i++) {
                preconditions.add(condition(items.get(i), "preconditions[" + i + "]"));
            }
        }
        List<RunbookStep> steps = new ArrayList<>();
        List<Node> items = yaml.list(yaml.required(f, "steps", root, ""), "steps");
        for (int i = 0; i < items.size(); i++) {
            steps.add(step(items.get(i), "steps[" + i + "]"));
        }
        Runbook.Kind finalKind = kind;
        Node stepsNode = f.get("steps");
        List<String> tags = optionalTexts(f, "tags");
        List<String> alerts = optionalTexts(f, "alerts");
        List<String> faultKinds = optionalTexts(f, "faultKinds");
        List<String> componentKinds = optionalTexts(f, "componentKinds");
        List<String> environments = optionalTexts(f, "environments");
        return buildRunbook(stepsNode, items, steps, () -> new Runbook(id, title, description, owner, finalKind, tags,
                alerts, faultKinds, componentKinds, environments, parameters, preconditions, steps, directory, text));
    }

    /** Reports a refusal about a step at that step's line. */
    private Runbook buildRunbook(Node stepsNode, List<Node> stepNodes, List<RunbookStep> steps, YamlNodes.Build<Runbook> builder)
            throws RunbookException {
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            // The step at fault is the one the refusal starts with ("step 'b' jumps to 'a'", not 'a'); of a step id
            // given twice, the later one.
            for (int i = steps.size() - 1; i >= 0; i--) {
                String id = steps.get(i).id();
                if (message.startsWith("step '" + id + "'") || message.startsWith("step id '" + id + "'")) {
                    throw yaml.error(stepNodes.get(i), "steps[" + i + "]", message);
                }
            }
            throw yaml.error(stepsNode, "", message);
        }
    }

    private List<String> optionalTexts(Map<String, Node> f, String name) throws RunbookException {
        return f.containsKey(name) ? yaml.texts(f.get(name), name) : List.of();
    }

    private RunbookParameter parameter(Node node, String path) throws RunbookException {
        Map<String, Node> f = yaml.fields(node, path, List.of("name", "type", "default", "required", "description"));
        String name = yaml.text(yaml.required(f, "name", node, path), path + ".name");
        String typeText = f.containsKey("type") ? yaml.text(f.get("type"), path + ".type") : "string";
        RunbookParameter.Type type = yaml.build(f.getOrDefault("type", node), path + ".type",
                () -> RunbookParameter.Type.parse(typeText));
        Optional<String> defaultValue = f.containsKey("default") ? Optional.of(yaml.scalar(f.get("default"), path + ".default"))
                : Optional.empty();
        boolean required = f.containsKey("required") ? yaml.bool(f.get("required"), path + ".required") : defaultValue.isEmpty();
        String description = f.containsKey("description") ? yaml.scalar(f.get("description"), path + ".description") : "";
        return yaml.build(node, path, () -> new RunbookParameter(name, type, defaultValue, required, description));
    }

    private Condition condition(Node node, String path) throws RunbookException {
        String text = yaml.text(node, path);
        return yaml.build(node, path, () -> Condition.parse(text));
    }

    private RunbookStep step(Node node, String path) throws RunbookException {
        Map<String, Node> f = yaml.fields(node, path, STEP_FIELDS);
        String id = yaml.text(yaml.required(f, "id", node, path), path + ".id");
        String title = f.containsKey("title") ? yaml.text(f.get("title"), path + ".title") : id;
        String typeText = yaml.text(yaml.required(f, "type", node, path), path + ".type");
        StepType type;
        try {
            type = StepType.valueOf(typeText.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw yaml.error(f.get("type"), path + ".type", "unknown step type '" + typeText
                    + "'; types: command, script, api_call, manual, decision, validation, rollback");
        }
        StepAction action = action(f, node, path, type == StepType.SCRIPT);
        Optional<Condition> condition = f.containsKey("condition") ? Optional.of(condition(f.get("condition"), path + ".condition"))
                : Optional.empty();
        Optional<String> onTrue = f.containsKey("then") ? Optional.of(yaml.text(f.get("then"), path + ".then")) : Optional.empty();
        Optional<String> onFalse = f.containsKey("else") ? Optional.of(yaml.text(f.get("else"), path + ".else")) : Optional.empty();
        Duration timeout = f.containsKey("timeout") ? yaml.duration(f.get("timeout"), path + ".timeout") : RunbookStep.DEFAULT_TIMEOUT;
        int retries = f.containsKey("retries") ? yaml.integer(f.get("retries"), path + ".retries") : 0;
        Duration retryDelay = f.containsKey("retryDelay") ? yaml.duration(f.get("retryDelay"), path + ".retryDelay")
                : Duration.ofSeconds(10);
        boolean approval = f.containsKey("approval") && yaml.bool(f.get("approval"), path + ".approval");
        boolean critical = f.containsKey("critical") && yaml.bool(f.get("critical"), path + ".critical");
        Optional<StepAction> rollback = Optional.empty();
        if (f.containsKey("rollback")) {
            Node rollbackNode = f.get("rollback");
            Map<String, Node> r = yaml.fields(rollbackNode, path + ".rollback", ACTION_FIELDS);
            StepAction undo = action(r, rollbackNode, path + ".rollback", false);
            if (undo instanceof StepAction.None || undo instanceof StepAction.Manual) {
                throw yaml.error(rollbackNode, path + ".rollback", "a rollback needs command, kubectl, simulator or request");
            }
            rollback = Optional.of(undo);
        }
        String expect = f.containsKey("expect") ? yaml.scalar(f.get("expect"), path + ".expect").strip() : "";
        Duration hold = f.containsKey("hold") ? yaml.duration(f.get("hold"), path + ".hold") : Duration.ZERO;
        List<String> undo = f.containsKey("undo") ? yaml.texts(f.get("undo"), path + ".undo") : List.of();
        Optional<StepAction> finalRollback = rollback;
        return yaml.build(node, path, () -> new RunbookStep(id, title, type, action, condition, onTrue, onFalse, timeout,
                retries, retryDelay, approval, critical, finalRollback, expect, hold, undo));
    }

    private StepAction action(Map<String, Node> f, Node node, String path, boolean script) throws RunbookException {
        List<String> given = f.keySet().stream()
                .filter(List.of("command", "script", "kubectl", "simulator", "request", "instructions")::contains).toList();
        if (given.size() > 1) {
            throw yaml.error(node, path, "give one of command, script, kubectl, simulator, request, instructions; found "
                    + String.join(" and ", given));
        }
        int outputLimit = f.containsKey("outputLimit") ? yaml.integer(f.get("outputLimit"), path + ".outputLimit")
                : DEFAULT_OUTPUT_LIMIT;
        Optional<String> workingDirectory = f.containsKey("workingDirectory")
                ? Optional.of(yaml.text(f.get("workingDirectory"), path + ".workingDirectory")) : Optional.empty();
        Map<String, String> env = f.containsKey("env") ? yaml.stringMap(f.get("env"), path + ".env") : Map.of();
        if (given.isEmpty()) {
            if (f.containsKey("workingDirectory") || f.containsKey("env") || f.containsKey("outputLimit")) {
                throw yaml.error(node, path, "workingDirectory, env and outputLimit belong to command or script");
            }
            return new StepAction.None();
        }
        String kind = given.getFirst();
        Node value = f.get(kind);
        String at = path + "." + kind;
        if (script && !kind.equals("script")) {
            throw yaml.error(value, at, "a SCRIPT step takes script: [file, args...]");
        }
        if (!script && kind.equals("script")) {
            // Only a SCRIPT step's own script is found beside the runbook; anywhere else the path would not be.
            throw yaml.error(value, at, "script belongs to SCRIPT steps (type: script); use command here");
        }
        if (!kind.equals("command") && !kind.equals("script")
                && (f.containsKey("workingDirectory") || f.containsKey("env"))) {
            throw yaml.error(node, path, "workingDirectory and env belong to command or script");
        }
        return switch (kind) {
            case "command", "script" -> {
                List<String> argv = yaml.texts(value, at);
                yield yaml.build(value, at, () -> new StepAction.Command(argv, workingDirectory, env, outputLimit));
            }
            case "kubectl" -> {
                Map<String, Node> k = yaml.fields(value, at, List.of("context", "namespace", "args"));
                String context = yaml.text(yaml.required(k, "context", value, at), at + ".context");
                String namespace = yaml.text(yaml.required(k, "namespace", value, at), at + ".namespace");
                List<String> args = yaml.texts(yaml.required(k, "args", value, at), at + ".args");
                yield yaml.build(value, at, () -> new StepAction.Kubectl(context, namespace, args, outputLimit));
            }
            case "simulator" -> {
                Map<String, String> arguments = new java.util.LinkedHashMap<>(yaml.stringMap(value, at));
                String action = arguments.remove("action");
                String target = arguments.remove("target");
                if (action == null || target == null) {
                    throw yaml.error(value, at, "a simulator action needs action and target");
                }
                yield yaml.build(value, at, () -> new StepAction.Simulator(action, target, arguments));
            }
            case "request" -> {
                Map<String, Node> r = yaml.fields(value, at, List.of("method", "url", "headers", "body", "expectStatus",
                        "expectBody"));
                String method = r.containsKey("method") ? yaml.text(r.get("method"), at + ".method") : "GET";
                String url = yaml.text(yaml.required(r, "url", value, at), at + ".url");
                Map<String, String> headers = r.containsKey("headers") ? yaml.stringMap(r.get("headers"), at + ".headers") : Map.of();
                String body = r.containsKey("body") ? yaml.scalar(r.get("body"), at + ".body") : "";
                int status = r.containsKey("expectStatus") ? yaml.integer(r.get("expectStatus"), at + ".expectStatus") : 200;
                String expectBody = r.containsKey("expectBody") ? yaml.scalar(r.get("expectBody"), at + ".expectBody") : "";
                String finalMethod = method.toUpperCase(Locale.ROOT);
                if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD").contains(finalMethod)) {
                    throw yaml.error(r.get("method"), at + ".method", "unknown method '" + method + "'");
                }
                if (status < 100 || status > 599) {
                    throw yaml.error(r.get("expectStatus"), at + ".expectStatus", "not an HTTP status: " + status);
                }
                yield yaml.build(value, at, () -> new StepAction.Http(finalMethod, url, headers, body, status, expectBody));
            }
            case "instructions" -> new StepAction.Manual(yaml.text(value, at));
            default -> throw new IllegalStateException(kind);
        };
    }
}
