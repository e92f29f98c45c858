package dev.firebreak.engine.check.internal;

import dev.firebreak.engine.check.CheckFileException;
import dev.firebreak.engine.check.CheckTier;
import dev.firebreak.engine.check.HealthCheck;
import dev.firebreak.engine.check.Probe;
import dev.firebreak.engine.check.Probes;
import dev.firebreak.engine.topology.Topology;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
 * Reads a health-check file from SnakeYAML's node tree (only nodes know their line). Unknown fields are errors;
 * each entry names its component and exactly one probe ({@code http}, {@code tcp} or {@code process}), whose
 * arguments the probe factories check.
 */
public final class YamlCheckFileParser {

    private static final List<String> TOP = List.of("checks");
    private static final List<String> FIELDS = List.of("component", "id", "tier", "http", "status", "bodyContains",
            "tcp", "process");
    private static final List<String> KINDS = List.of("http", "tcp", "process");
    private static final int MAX_BODY_BYTES = Probes.DEFAULT_MAX_READ_BYTES;

    private final String source;
    private final Topology topology;

    private YamlCheckFileParser(String source, Topology topology) {
        this.source = source;
        this.topology = topology;
    }

    public static List<HealthCheck> parse(String source, Reader reader, Topology topology) throws CheckFileException {
        return new YamlCheckFileParser(source, topology).parse(reader);
    }

    private List<HealthCheck> parse(Reader reader) throws CheckFileException {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(reader);
        } catch (MarkedYAMLException e) {
            throw new CheckFileException(source, e.getProblemMark().getLine() + 1, "", "not valid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            throw new CheckFileException(source, 0, "", "not valid YAML: " + e.getMessage());
        }
        if (root == null) {
            throw new CheckFileException(source, 0, "", "the file is empty; expected 'checks:' with at least one check");
        }
        Map<String, Node> file = fields(root, "", TOP);
        Node list = file.get("checks");
        if (!(list instanceof SequenceNode sequence) || sequence.getValue().isEmpty()) {
            throw error(list == null ? root : list, "checks", "expected a list of at least one check");
        }
        List<HealthCheck> checks = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Map<String, Integer> perComponentKind = new LinkedHashMap<>();
        for (int i = 0; i < sequence.getValue().size(); i++) {
            String path = "checks[" + i + "]";
            Node entry = sequence.getValue().get(i);
            HealthCheck check = check(entry, path, perComponentKind);
            if (!ids.add(check.id())) {
                throw error(entry, path + ".id", "id '" + check.id() + "' is used twice");
            }
            checks.add(check);
        }
        return List.copyOf(checks);
    }

    private HealthCheck check(Node entry, String path, Map<String, Integer> perComponentKind) throws CheckFileException {
        Map<String, Node> fields = fields(entry, path, FIELDS);
        String component = required(fields, entry, path, "component");
        if (topology.indexOf(component) < 0) {
            throw error(fields.get("component"), path + ".component", "unknown component '" + component + "' in topology "
                    + topology.name());
        }
        List<String> kinds = KINDS.stream().filter(fields::containsKey).toList();
        if (kinds.size() != 1) {
            throw error(entry, path, kinds.isEmpty() ? "expected one of " + KINDS + " saying what to probe"
                    : "expected one probe per check, found " + kinds);
        }
        String kind = kinds.getFirst();
        if (!kind.equals("http")) {
            for (String httpOnly : List.of("status", "bodyContains")) {
                if (fields.containsKey(httpOnly)) {
                    throw error(fields.get(httpOnly), path + "." + httpOnly, "only an http check has '" + httpOnly + "'");
                }
            }
        }
        Optional<String> body = optional(fields, path, "bodyContains");
        CheckTier tier = tier(fields, path, body.isPresent() ? CheckTier.DEEP : CheckTier.SHALLOW);
        Probe probe = switch (kind) {
            case "http" -> http(fields, path, body);
            case "tcp" -> tcp(fields, path);
            default -> {
                String pidFile = scalar(fields.get("process"), path + ".process");
                yield probe(fields.get("process"), path + ".process", () -> Probes.processAlive(Path.of(pidFile)));
            }
        };
        int n = perComponentKind.merge(component + "/" + kind, 1, Integer::sum);
        String id = optional(fields, path, "id").orElse(component + "/" + kind + (n == 1 ? "" : "-" + n));
        return probe(entry, path, () -> new HealthCheck(id, component, tier, probe));
    }

    private Probe http(Map<String, Node> fields, String path, Optional<String> body) throws CheckFileException {
        String url = scalar(fields.get("http"), path + ".http");
        int status = 200;
        if (fields.containsKey("status")) {
            String text = scalar(fields.get("status"), path + ".status");
            try {
                status = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw error(fields.get("status"), path + ".status", "expected an HTTP status like 200, found '" + text + "'");
            }
        }
        int expected = status;
        return probe(fields.get("http"), path + ".http", () -> body.isPresent()
                ? Probes.httpBody(url, expected, body.get(), MAX_BODY_BYTES) : Probes.httpStatus(url, expected));
    }

    private Probe tcp(Map<String, Node> fields, String path) throws CheckFileException {
        Node node = fields.get("tcp");
        String text = scalar(node, path + ".tcp");
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw error(node, path + ".tcp", "expected host:port, found '" + text + "'");
        }
        String host = text.substring(0, colon);
        int port;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw error(node, path + ".tcp", "expected host:port with a numeric port, found '" + text + "'");
        }
        return probe(node, path + ".tcp", () -> Probes.tcp(host, port));
    }

    private CheckTier tier(Map<String, Node> fields, String path, CheckTier fallback) throws CheckFileException {
        Optional<String> text = optional(fields, path, "tier");
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            return CheckTier.valueOf(text.get().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw error(fields.get("tier"), path + ".tier", "unknown tier '" + text.get() + "'; allowed: shallow, deep, comprehensive");
        }
    }

    /** The fields of a mapping, checked against the allowed names. */
    private Map<String, Node> fields(Node node, String path, List<String> allowed) throws CheckFileException {
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
            if (fields.putIfAbsent(name, tuple.getValueNode()) != null) {
                throw error(tuple.getKeyNode(), at, "field given twice");
            }
        }
        return fields;
    }

    private String required(Map<String, Node> fields, Node entry, String path, String name) throws CheckFileException {
        if (!fields.containsKey(name)) {
            throw error(entry, path + "." + name, "missing; every check names the component it speaks for");
        }
        return scalar(fields.get(name), path + "." + name);
    }

    private Optional<String> optional(Map<String, Node> fields, String path, String name) throws CheckFileException {
        return fields.containsKey(name) ? Optional.of(scalar(fields.get(name), path + "." + name)) : Optional.empty();
    }

    private String scalar(Node node, String field) throws CheckFileException {
        if (!(node instanceof ScalarNode scalar) || scalar.getValue().isBlank()) {
            throw error(node, field, "expected a value");
        }
        return scalar.getValue().strip();
    }

    /** Builds a probe or check, turning its validation message into a located error. */
    private <T> T probe(Node node, String field, java.util.function.Supplier<T> factory) throws CheckFileException {
        try {
            return factory.get();
        } catch (IllegalArgumentException e) {
            throw error(node, field, e.getMessage());
        }
    }

    private CheckFileException error(Node node, String field, String problem) {
        int line = node == null ? 0 : node.getStartMark().getLine() + 1;
        return new CheckFileException(source, line, field, problem);
    }
}
