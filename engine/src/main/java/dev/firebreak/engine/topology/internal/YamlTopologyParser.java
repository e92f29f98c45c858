package dev.firebreak.engine.topology.internal;

import dev.firebreak.engine.topology.Component;
import dev.firebreak.engine.topology.ComponentKind;
import dev.firebreak.engine.topology.Dependency;
import dev.firebreak.engine.topology.Topology;
import dev.firebreak.engine.topology.TopologyException;
import java.io.Reader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a topology YAML file into a {@link Topology}, checking everything the Topology constructor
 * checks first, so each problem can be reported with the line it sits on.
 *
 * <p>It works on SnakeYAML's node tree rather than on plain maps because only nodes remember their
 * line. Nothing is half-loaded: the result is a whole Topology or a {@link TopologyException}.
 */
public final class YamlTopologyParser {

    private static final List<String> FILE_FIELDS = List.of("name", "environment", "components", "dependencies");
    private static final List<String> COMPONENT_FIELDS = List.of(
            "id", "name", "kind", "tier", "replicas", "team", "capacity", "version", "environment", "replicaOf");
    private static final List<String> DEPENDENCY_FIELDS = List.of("from", "to", "callsPerRequest", "timeout", "required");
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final String DEFAULT_ENVIRONMENT = "production";
    private static final String DEFAULT_VERSION = "unversioned";
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(1);

    private final String source;
    private final Map<String, Integer> componentLines = new HashMap<>();

    private YamlTopologyParser(String source) {
        this.source = source;
    }

    public static Topology parse(String sourceName, Reader reader) throws TopologyException {
        return new YamlTopologyParser(sourceName).parse(reader);
    }

    private Topology parse(Reader reader) throws TopologyException {
        Node root = compose(reader);
        Fields file = new Fields(source, "", root, FILE_FIELDS);
        String name = file.requiredString("name");
        String environment = file.optionalString("environment").orElse(DEFAULT_ENVIRONMENT);
        List<Node> componentNodes = file.optionalList("components");
        if (componentNodes.isEmpty()) {
            throw file.error("components", "a topology needs at least one component");
        }
        List<Component> components = new ArrayList<>();
        List<Fields> componentFields = new ArrayList<>();
        for (int i = 0; i < componentNodes.size(); i++) {
            Fields fields = new Fields(source, "components[" + i + "]", componentNodes.get(i), COMPONENT_FIELDS);
            components.add(component(fields, environment));
            componentFields.add(fields);
        }
        checkReplicas(components, componentFields);
        List<Node> dependencyNodes = file.optionalList("dependencies");
        List<Dependency> dependencies = new ArrayList<>();
        List<Fields> dependencyFields = new ArrayList<>();
        Map<String, Integer> edgeLines = new HashMap<>();
        for (int i = 0; i < dependencyNodes.size(); i++) {
            Fields fields = new Fields(source, "dependencies[" + i + "]", dependencyNodes.get(i), DEPENDENCY_FIELDS);
            Dependency dependency = dependency(fields);
            Integer firstLine = edgeLines.putIfAbsent(dependency.callerId() + " -> " + dependency.calleeId(), fields.line());
            if (firstLine != null) {
                throw new TopologyException(source, fields.line(), 0, "dependencies[" + i + "]", "duplicate dependency "
                        + dependency.callerId() + " -> " + dependency.calleeId() + " (first declared at line " + firstLine + ")");
            }
            dependencies.add(dependency);
            dependencyFields.add(fields);
        }
        checkAcyclic(components, dependencies, dependencyFields);
        try {
            return new Topology(name, components, dependencies);
        } catch (IllegalArgumentException e) {
            // The checks above mirror the constructor's, so this only fires if the two drift apart.
            throw new TopologyException(source, 0, 0, "", e.getMessage());
        }
    }

    private Node compose(Reader reader) throws TopologyException {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(reader);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            int line = mark == null ? 0 : mark.getLine() + 1;
            int column = mark == null ? 0 : mark.getColumn() + 1;
            throw new TopologyException(source, line, column, "", "malformed YAML: " + describe(e));
        } catch (YAMLException e) {
            throw new TopologyException(source, 0, 0, "", "malformed YAML: " + e.getMessage());
        }
        if (root == null) {
            throw new TopologyException(source, 0, 0, "", "the file is empty; a topology needs a name and components");
        }
        return root;
    }

    /** SnakeYAML's wording plus where the enclosing structure started, which is where the fix usually is. */
    private static String describe(MarkedYAMLException e) {
        String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
        if (e.getContext() != null && e.getProblem() != null && e.getContextMark() != null) {
            problem += " (" + e.getContext() + " that starts at line " + (e.getContextMark().getLine() + 1) + ")";
        }
        if (problem.contains("block")) {
            problem += "; check the indentation";
        }
        return problem;
    }

    private Component component(Fields fields, String fileEnvironment) throws TopologyException {
        String id = fields.requiredString("id");
        if (!ID.matcher(id).matches()) {
            throw fields.error("id", "bad id '" + id + "': use lower-case letters, digits and dashes (1-63 characters)");
        }
        Integer firstLine = componentLines.putIfAbsent(id, fields.lineOf("id"));
        if (firstLine != null) {
            throw fields.error("id", "duplicate component id '" + id + "' (first declared at line " + firstLine + ")");
        }
        ComponentKind kind = kind(fields);
        int tier = fields.requiredInt("tier", 0, "tier");
        int replicas = fields.optionalInt("replicas", 1, 1, "replicas");
        String team = fields.requiredString("team");
        double capacity = fields.requiredPositive("capacity", "capacity (requests/s per replica)");
        String name = fields.optionalString("name").orElse(id);
        String version = fields.optionalString("version").orElse(DEFAULT_VERSION);
        String environment = fields.optionalString("environment").orElse(fileEnvironment);
        Optional<String> replicaOf = fields.optionalString("replicaOf");
        try {
            return new Component(id, name, kind, tier, replicas, team, environment, capacity, version, replicaOf);
        } catch (IllegalArgumentException e) {
            throw new TopologyException(source, fields.line(), 0, fields.path(), e.getMessage());
        }
    }

    private static ComponentKind kind(Fields fields) throws TopologyException {
        String text = fields.requiredString("kind");
        List<String> known = Arrays.stream(ComponentKind.values()).map(YamlTopologyParser::kindName).toList();
        int index = known.indexOf(text.toLowerCase(Locale.ROOT).replace('_', '-'));
        if (index < 0) {
            throw fields.error("kind", "unknown kind '" + text + "'" + Suggestions.didYouMean(text, known)
                    + "; known kinds: " + String.join(", ", known));
        }
        return ComponentKind.values()[index];
    }

    /** How a kind is spelled in YAML: {@code LOAD_BALANCER} is {@code load-balancer}. */
    public static String kindName(ComponentKind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private void checkReplicas(List<Component> components, List<Fields> fields) throws TopologyException {
        for (int i = 0; i < components.size(); i++) {
            Component component = components.get(i);
            Optional<String> primary = component.replicaOf();
            if (primary.isEmpty()) {
                continue;
            }
            if (primary.get().equals(component.id())) {
                throw fields.get(i).error("replicaOf", "a component cannot be a replica of itself");
            }
            if (!componentLines.containsKey(primary.get())) {
                throw fields.get(i).error("replicaOf", "unknown component '" + primary.get() + "'"
                        + Suggestions.didYouMean(primary.get(), componentLines.keySet()));
            }
        }
    }

    private Dependency dependency(Fields fields) throws TopologyException {
        String from = knownComponent(fields, "from");
        String to = knownComponent(fields, "to");
        if (from.equals(to)) {
            throw fields.error("to", "a component cannot depend on itself ('" + from + "')");
        }
        double callsPerRequest = fields.optionalPositive("callsPerRequest", 1.0, "callsPerRequest");
        Duration timeout = fields.optionalDuration("timeout", DEFAULT_TIMEOUT);
        boolean required = fields.optionalBoolean("required", true);
        return new Dependency(from, to, callsPerRequest, timeout, required);
    }

    private String knownComponent(Fields fields, String name) throws TopologyException {
        String id = fields.requiredString(name);
        if (!componentLines.containsKey(id)) {
            throw fields.error(name, "unknown component '" + id + "'" + Suggestions.didYouMean(id, componentLines.keySet()));
        }
        return id;
    }

    private void checkAcyclic(List<Component> components, List<Dependency> dependencies, List<Fields> fields)
            throws TopologyException {
        Optional<CycleFinder.Cycle> cycle = CycleFinder.find(components, dependencies);
        if (cycle.isPresent()) {
            int closing = cycle.get().closingDependency();
            throw new TopologyException(source, fields.get(closing).line(), 0, "dependencies[" + closing + "]",
                    "dependency cycle: " + String.join(" -> ", cycle.get().path()));
        }
    }
}
