package dev.firebreak.engine.config;

import dev.firebreak.engine.time.Durations;
import java.io.Reader;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * Reads a YAML file as nodes (never as objects, so no type tag in a file can instantiate anything) and turns every
 * problem into the loader's own {@link LocatedConfigException} carrying the line of the offending node.
 *
 * @param <E> the exception the loader reports with
 */
public final class YamlNodes<E extends LocatedConfigException> {

    /** Makes the loader's exception from source, 1-based line (0: none), field path and problem. */
    @FunctionalInterface
    public interface Errors<E extends LocatedConfigException> {
        E create(String source, int line, String field, String problem);
    }

    private final String source;
    private final Errors<E> errors;

    public YamlNodes(String source, Errors<E> errors) {
        this.source = source;
        this.errors = errors;
    }

    /** The root node of the document; an empty file or invalid YAML is an error naming the line. */
    public Node root(Reader reader) throws E {
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setCodePointLimit(1 << 20);
            root = new Yaml(options).compose(reader);
        } catch (MarkedYAMLException e) {
            throw errors.create(source, e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1, "",
                    "not valid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            throw errors.create(source, 0, "", "not valid YAML: " + e.getMessage());
        }
        if (root == null) {
            throw errors.create(source, 1, "", "the file is empty");
        }
        return root;
    }

    /** The fields of a mapping, in file order; a field not in {@code allowed}, or given twice, is an error. */
    public Map<String, Node> fields(Node node, String path, List<String> allowed) throws E {
        if (!(node instanceof MappingNode mapping)) {
            throw error(node, path, "expected a mapping of fields");
        }
        Map<String, Node> fields = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String name = tuple.getKeyNode() instanceof ScalarNode key ? key.getValue() : "";
            String at = at(path, name);
            if (!allowed.contains(name)) {
                throw error(tuple.getKeyNode(), at, "unknown field '" + name + "'; allowed fields: " + String.join(", ", allowed));
            }
            if (fields.put(name, tuple.getValueNode()) != null) {
                throw error(tuple.getKeyNode(), at, "field given twice");
            }
        }
        return fields;
    }

    /** A mapping of free keys to scalar values (environment variables, headers, arguments). */
    public Map<String, String> stringMap(Node node, String path) throws E {
        if (!(node instanceof MappingNode mapping)) {
            throw error(node, path, "expected a mapping of names to values");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String name = tuple.getKeyNode() instanceof ScalarNode key ? key.getValue() : "";
            if (values.put(name, scalar(tuple.getValueNode(), at(path, name))) != null) {
                throw error(tuple.getKeyNode(), at(path, name), "given twice");
            }
        }
        return values;
    }

    public Node required(Map<String, Node> fields, String name, Node parent, String path) throws E {
        Node value = fields.get(name);
        if (value == null) {
            throw error(parent, at(path, name), "missing");
        }
        return value;
    }

    public List<Node> list(Node node, String path) throws E {
        if (!(node instanceof SequenceNode sequence)) {
            throw error(node, path, "expected a list");
        }
        return sequence.getValue();
    }

    /** A list of scalars; a single scalar is read as a list of one. */
    public List<String> texts(Node node, String path) throws E {
        if (node instanceof ScalarNode) {
            return List.of(text(node, path));
        }
        List<Node> items = list(node, path);
        java.util.ArrayList<String> values = new java.util.ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            values.add(scalar(items.get(i), path + "[" + i + "]"));
        }
        return values;
    }

    /** A non-blank scalar, stripped. */
    public String text(Node node, String path) throws E {
        String value = scalar(node, path);
        if (value.isBlank()) {
            throw error(node, path, "expected a value");
        }
        return value.strip();
    }

    /** A scalar exactly as written (may be empty). */
    public String scalar(Node node, String path) throws E {
        if (!(node instanceof ScalarNode scalar)) {
            throw error(node, path, "expected a single value");
        }
        return scalar.getValue();
    }

    public int integer(Node node, String path) throws E {
        String value = text(node, path);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw error(node, path, "expected a whole number, found '" + value + "'");
        }
    }

    public boolean bool(Node node, String path) throws E {
        String value = text(node, path);
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw error(node, path, "expected true or false, found '" + value + "'");
        };
    }

    /** "90s", "5m", "1h30m"; "0" is zero. */
    public Duration duration(Node node, String path) throws E {
        String value = text(node, path);
        if (value.matches("0+(ms|s|m|h|d)?")) {
            return Duration.ZERO;
        }
        try {
            return Durations.parse(value);
        } catch (IllegalArgumentException e) {
            throw error(node, path, e.getMessage());
        }
    }

    /** Something that may throw {@link IllegalArgumentException} from a record's validation. */
    @FunctionalInterface
    public interface Build<T> {
        T build();
    }

    /** Builds a validated record, reporting its refusal at {@code node}. */
    public <T> T build(Node node, String path, Build<T> builder) throws E {
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw error(node, path, e.getMessage());
        }
    }

    public E error(Node node, String field, String problem) {
        int line = node == null ? 0 : node.getStartMark().getLine() + 1;
        return errors.create(source, line, field, problem);
    }

    public String source() {
        return source;
    }

    private static String at(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
