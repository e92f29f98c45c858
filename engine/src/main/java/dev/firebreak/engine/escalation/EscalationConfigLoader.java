package dev.firebreak.engine.escalation;

import dev.firebreak.engine.time.Durations;
import dev.firebreak.engine.topology.ComponentKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads escalation policies and rotations from YAML (format: sample-data {@code escalation/policies.yaml}).
 * Unknown fields, wrong types and invalid values are errors naming file, line and field; nothing is half-loaded.
 */
public final class EscalationConfigLoader {

    private final String source;

    private EscalationConfigLoader(String source) {
        this.source = source;
    }

    public static EscalationConfig load(Path file) throws EscalationConfigException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(file.getFileName().toString(), reader);
        } catch (IOException e) {
            throw new EscalationConfigException(file.toString(), 0, "", "cannot read: " + e.getMessage());
        }
    }

    public static EscalationConfig loadResource(String resource) throws EscalationConfigException {
        InputStream in = EscalationConfigLoader.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new EscalationConfigException(resource, 0, "", "not on the classpath");
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return parse(resource, reader);
        } catch (IOException e) {
            throw new EscalationConfigException(resource, 0, "", "cannot read: " + e.getMessage());
        }
    }

    public static EscalationConfig parse(String source, Reader reader) throws EscalationConfigException {
        return new EscalationConfigLoader(source).parse(reader);
    }

    private EscalationConfig parse(Reader reader) throws EscalationConfigException {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(reader);
        } catch (MarkedYAMLException e) {
            throw new EscalationConfigException(source, e.getProblemMark().getLine() + 1, "", "not valid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            throw new EscalationConfigException(source, 0, "", "not valid YAML: " + e.getMessage());
        }
        if (root == null) {
            throw new EscalationConfigException(source, 1, "", "the file is empty");
        }
        Map<String, Node> file = fields(root, "", List.of("triggers", "rotations", "policies"));
        Map<String, OnCallRotation> rotations = new LinkedHashMap<>();
        if (file.containsKey("rotations")) {
            List<Node> items = list(file.get("rotations"), "rotations");
            for (int i = 0; i < items.size(); i++) {
                OnCallRotation rotation = rotation(items.get(i), "rotations[" + i + "]");
                if (rotations.put(rotation.name(), rotation) != null) {
                    throw error(items.get(i), "rotations[" + i + "].name", "rotation '" + rotation.name() + "' given twice");
                }
            }
        }
        List<EscalationPolicy> policies = new ArrayList<>();
        List<Node> items = list(required(file, "policies", root, ""), "policies");
        for (int i = 0; i < items.size(); i++) {
            policies.add(policy(items.get(i), "policies[" + i + "]", rotations));
        }
        int attempts = 3;
        double factor = 2;
        Duration prolonged = Duration.ofHours(1);
        int reports = 10;
        if (file.containsKey("triggers")) {
            Map<String, Node> t = fields(file.get("triggers"), "triggers",
                    List.of("remediationAttempts", "blastRadiusFactor", "prolongedAfter", "customerReports"));
            attempts = t.containsKey("remediationAttempts") ? integer(t.get("remediationAttempts"), "triggers.remediationAttempts") : attempts;
            factor = t.containsKey("blastRadiusFactor") ? number(t.get("blastRadiusFactor"), "triggers.blastRadiusFactor") : factor;
            prolonged = t.containsKey("prolongedAfter") ? duration(t.get("prolongedAfter"), "triggers.prolongedAfter") : prolonged;
            reports = t.containsKey("customerReports") ? integer(t.get("customerReports"), "triggers.customerReports") : reports;
        }
        try {
            return new EscalationConfig(policies, rotations, attempts, factor, prolonged, reports);
        } catch (IllegalArgumentException e) {
            throw error(file.getOrDefault("triggers", root), "triggers", e.getMessage());
        }
    }

    private OnCallRotation rotation(Node node, String path) throws EscalationConfigException {
        Map<String, Node> f = fields(node, path, List.of("name", "members", "start", "shift", "overrides"));
        String name = text(required(f, "name", node, path), path + ".name");
        List<String> members = new ArrayList<>();
        for (Node member : list(required(f, "members", node, path), path + ".members")) {
            members.add(text(member, path + ".members"));
        }
        Instant start = instant(required(f, "start", node, path), path + ".start");
        Duration shift = duration(required(f, "shift", node, path), path + ".shift");
        List<OnCallRotation.Override> overrides = new ArrayList<>();
        if (f.containsKey("overrides")) {
            List<Node> items = list(f.get("overrides"), path + ".overrides");
            for (int i = 0; i < items.size(); i++) {
                String at = path + ".overrides[" + i + "]";
                Map<String, Node> o = fields(items.get(i), at, List.of("person", "from", "until"));
                String person = text(required(o, "person", items.get(i), at), at + ".person");
                Instant from = instant(required(o, "from", items.get(i), at), at + ".from");
                Instant until = instant(required(o, "until", items.get(i), at), at + ".until");
                overrides.add(build(items.get(i), at, () -> new OnCallRotation.Override(person, from, until)));
            }
        }
        return build(node, path, () -> new OnCallRotation(name, members, start, shift, overrides));
    }

    private EscalationPolicy policy(Node node, String path, Map<String, OnCallRotation> rotations)
            throws EscalationConfigException {
        Map<String, Node> f = fields(node, path, List.of("name", "appliesTo", "levels", "repeat", "repeatAfter"));
        String name = text(required(f, "name", node, path), path + ".name");
        Set<ComponentKind> kinds = EnumSet.noneOf(ComponentKind.class);
        if (f.containsKey("appliesTo")) {
            for (Node kind : list(f.get("appliesTo"), path + ".appliesTo")) {
                String value = text(kind, path + ".appliesTo");
                try {
                    kinds.add(ComponentKind.valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_')));
                } catch (IllegalArgumentException e) {
                    throw error(kind, path + ".appliesTo", "unknown component kind '" + value + "'; kinds: "
                            + java.util.Arrays.stream(ComponentKind.values()).map(k -> k.name().toLowerCase(Locale.ROOT)).toList());
                }
            }
        }
        List<EscalationLevel> levels = new ArrayList<>();
        List<Node> items = list(required(f, "levels", node, path), path + ".levels");
        for (int i = 0; i < items.size(); i++) {
            levels.add(level(items.get(i), path + ".levels[" + i + "]", rotations));
        }
        int repeat = f.containsKey("repeat") ? integer(f.get("repeat"), path + ".repeat") : 0;
        Duration repeatAfter = f.containsKey("repeatAfter") ? duration(f.get("repeatAfter"), path + ".repeatAfter")
                : Duration.ofMinutes(30);
        return build(node, path, () -> new EscalationPolicy(name, kinds, levels, repeat, repeatAfter));
    }

    private EscalationLevel level(Node node, String path, Map<String, OnCallRotation> rotations)
            throws EscalationConfigException {
        Map<String, Node> f = fields(node, path, List.of("level", "delay", "condition", "notify", "method"));
        int level = integer(required(f, "level", node, path), path + ".level");
        Duration delay = duration(required(f, "delay", node, path), path + ".delay");
        EscalationLevel.Condition condition = EscalationLevel.Condition.ALWAYS;
        if (f.containsKey("condition")) {
            String value = text(f.get("condition"), path + ".condition");
            try {
                condition = EscalationLevel.Condition.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw error(f.get("condition"), path + ".condition", "unknown condition '" + value
                        + "'; allowed: always, not_acknowledged, not_resolved");
            }
        }
        List<String> notify = new ArrayList<>();
        for (Node target : list(required(f, "notify", node, path), path + ".notify")) {
            notify.add(text(target, path + ".notify"));
        }
        String method = f.containsKey("method") ? text(f.get("method"), path + ".method") : "page";
        EscalationLevel.Condition finalCondition = condition;
        return build(node, path, () -> new EscalationLevel(level, delay, finalCondition, notify, method));
    }

    // ---- node helpers ----

    private Map<String, Node> fields(Node node, String path, List<String> allowed) throws EscalationConfigException {
        if (!(node instanceof MappingNode mapping)) {
            throw error(node, path, "expected a mapping of fields");
        }
        Map<String, Node> fields = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String name = tuple.getKeyNode() instanceof ScalarNode key ? key.getValue() : "";
            String at = path.isEmpty() ? name : path + "." + name;
            if (!allowed.contains(name)) {
                throw error(tuple.getKeyNode(), at, "unknown field '" + name + "'; allowed fields: " + String.join(", ", allowed));
            }
            if (fields.put(name, tuple.getValueNode()) != null) {
                throw error(tuple.getKeyNode(), at, "field given twice");
            }
        }
        return fields;
    }

    private Node required(Map<String, Node> fields, String name, Node parent, String path) throws EscalationConfigException {
        Node value = fields.get(name);
        if (value == null) {
            throw error(parent, path.isEmpty() ? name : path + "." + name, "missing");
        }
        return value;
    }

    private List<Node> list(Node node, String path) throws EscalationConfigException {
        if (!(node instanceof SequenceNode sequence)) {
            throw error(node, path, "expected a list");
        }
        return sequence.getValue();
    }

    private String text(Node node, String path) throws EscalationConfigException {
        if (!(node instanceof ScalarNode scalar) || scalar.getValue().isBlank()) {
            throw error(node, path, "expected a value");
        }
        return scalar.getValue().strip();
    }

    private int integer(Node node, String path) throws EscalationConfigException {
        String value = text(node, path);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw error(node, path, "expected a whole number, found '" + value + "'");
        }
    }

    private double number(Node node, String path) throws EscalationConfigException {
        String value = text(node, path);
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw error(node, path, "expected a number, found '" + value + "'");
        }
    }

    private Duration duration(Node node, String path) throws EscalationConfigException {
        String value = text(node, path);
        if (value.matches("0+(ms|s|m|h|d)?")) {
            return Duration.ZERO; // a first level fires at once
        }
        try {
            return Durations.parse(value);
        } catch (IllegalArgumentException e) {
            throw error(node, path, e.getMessage());
        }
    }

    private Instant instant(Node node, String path) throws EscalationConfigException {
        String value = text(node, path);
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw error(node, path, "expected an instant like 2026-11-02T00:00:00Z, found '" + value + "'");
        }
    }

    @FunctionalInterface
    private interface Builder<T> {
        T build();
    }

    private <T> T build(Node node, String path, Builder<T> builder) throws EscalationConfigException {
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw error(node, path, e.getMessage());
        }
    }

    private EscalationConfigException error(Node node, String field, String problem) {
        int line = node == null ? 0 : node.getStartMark().getLine() + 1;
        return new EscalationConfigException(source, line, field, problem);
    }
}
