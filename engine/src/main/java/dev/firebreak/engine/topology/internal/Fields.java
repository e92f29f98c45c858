package dev.firebreak.engine.topology.internal;

import dev.firebreak.engine.topology.TopologyException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Typed, line-aware access to the fields of one YAML mapping.
 *
 * <p>Construction already rejects unknown and repeated keys, so a typo such as {@code capcity} is an
 * error instead of a silently ignored line. Every failure names the field path and the line of the
 * value (or of the mapping, for a missing field).
 */
final class Fields {

    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Pattern INTEGER = Pattern.compile("[-+]?\\d{1,9}");
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m)");

    private final String source;
    private final String path;
    private final MappingNode mapping;
    private final Map<String, Node> values = new LinkedHashMap<>();

    Fields(String source, String path, Node node, List<String> allowed) throws TopologyException {
        this.source = source;
        this.path = path;
        if (!(node instanceof MappingNode map)) {
            throw new TopologyException(source, line(node), 0, path, "expected a mapping of fields, found " + describe(node));
        }
        this.mapping = map;
        for (NodeTuple tuple : map.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode key)) {
                throw new TopologyException(source, line(keyNode), 0, path, "field names must be plain words");
            }
            String name = key.getValue();
            if (!allowed.contains(name)) {
                throw new TopologyException(source, line(keyNode), 0, child(name), "unknown field '" + name + "'"
                        + Suggestions.didYouMean(name, allowed) + "; allowed fields: " + String.join(", ", allowed));
            }
            if (values.putIfAbsent(name, tuple.getValueNode()) != null) {
                throw new TopologyException(source, line(keyNode), 0, child(name), "field given twice");
            }
        }
    }

    static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    static String describe(Node node) {
        return switch (node) {
            case MappingNode ignored -> "a mapping";
            case SequenceNode ignored -> "a list";
            case ScalarNode scalar when scalar.getTag().equals(Tag.NULL) -> "nothing";
            case ScalarNode scalar -> "'" + scalar.getValue() + "'";
            default -> "an unsupported value";
        };
    }

    int line() {
        return line(mapping);
    }

    /** The line of a field's value, or of the whole mapping when the field is absent. */
    int lineOf(String name) {
        Node value = values.get(name);
        return value == null ? line() : line(value);
    }

    String path() {
        return path;
    }

    String child(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    Optional<Node> node(String name) {
        return Optional.ofNullable(values.get(name));
    }

    TopologyException error(String name, String problem) {
        return new TopologyException(source, lineOf(name), 0, child(name), problem);
    }

    String requiredString(String name) throws TopologyException {
        Optional<String> value = optionalString(name);
        if (value.isEmpty()) {
            throw new TopologyException(source, line(), 0, child(name), "missing required field");
        }
        return value.get();
    }

    Optional<String> optionalString(String name) throws TopologyException {
        Node node = values.get(name);
        if (node == null) {
            return Optional.empty();
        }
        if (!(node instanceof ScalarNode scalar)) {
            throw error(name, "expected a single value, found " + describe(node));
        }
        String text = scalar.getValue().trim();
        if (scalar.getTag().equals(Tag.NULL) || text.isEmpty()) {
            throw error(name, "value is empty");
        }
        return Optional.of(text);
    }

    int requiredInt(String name, int minimum, String meaning) throws TopologyException {
        return parseInt(name, requiredString(name), minimum, meaning);
    }

    int optionalInt(String name, int fallback, int minimum, String meaning) throws TopologyException {
        Optional<String> text = optionalString(name);
        return text.isEmpty() ? fallback : parseInt(name, text.get(), minimum, meaning);
    }

    private int parseInt(String name, String text, int minimum, String meaning) throws TopologyException {
        if (!INTEGER.matcher(text).matches() || Integer.parseInt(text) < minimum) {
            throw error(name, "bad number '" + text + "': " + meaning + " must be a whole number >= " + minimum);
        }
        return Integer.parseInt(text);
    }

    double requiredPositive(String name, String meaning) throws TopologyException {
        return parsePositive(name, requiredString(name), meaning);
    }

    double optionalPositive(String name, double fallback, String meaning) throws TopologyException {
        Optional<String> text = optionalString(name);
        return text.isEmpty() ? fallback : parsePositive(name, text.get(), meaning);
    }

    private double parsePositive(String name, String text, String meaning) throws TopologyException {
        double value = DECIMAL.matcher(text).matches() ? Double.parseDouble(text) : Double.NaN;
        if (!(value > 0) || Double.isInfinite(value)) {
            throw error(name, "bad number '" + text + "': " + meaning + " must be a positive number");
        }
        return value;
    }

    boolean optionalBoolean(String name, boolean fallback) throws TopologyException {
        Optional<String> text = optionalString(name);
        if (text.isEmpty()) {
            return fallback;
        }
        return switch (text.get().toLowerCase(Locale.ROOT)) {
            case "true", "yes" -> true;
            case "false", "no" -> false;
            default -> throw error(name, "expected true or false, found '" + text.get() + "'");
        };
    }

    /** Durations are written {@code 250ms}, {@code 2s}, {@code 1.5s} or {@code 1m}. */
    Duration optionalDuration(String name, Duration fallback) throws TopologyException {
        Optional<String> text = optionalString(name);
        if (text.isEmpty()) {
            return fallback;
        }
        Matcher matcher = DURATION.matcher(text.get());
        if (!matcher.matches()) {
            throw error(name, "bad duration '" + text.get() + "': write it like 250ms, 2s or 1m");
        }
        double amount = Double.parseDouble(matcher.group(1));
        double millis = switch (matcher.group(2)) {
            case "ms" -> amount;
            case "s" -> amount * 1_000;
            default -> amount * 60_000;
        };
        if (millis < 1) {
            throw error(name, "bad duration '" + text.get() + "': must be at least 1ms");
        }
        return Duration.ofMillis(Math.round(millis));
    }

    /** A list field; an absent field is an empty list. */
    List<Node> optionalList(String name) throws TopologyException {
        Node node = values.get(name);
        if (node == null) {
            return List.of();
        }
        if (node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL)) {
            return List.of();
        }
        if (!(node instanceof SequenceNode sequence)) {
            throw error(name, "expected a list, found " + describe(node));
        }
        return sequence.getValue();
    }
}
