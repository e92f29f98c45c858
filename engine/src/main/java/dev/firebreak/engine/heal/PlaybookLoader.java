package dev.firebreak.engine.heal;

import dev.firebreak.engine.config.YamlNodes;
import dev.firebreak.engine.health.HealthState;
import dev.firebreak.engine.runbook.Runbook;
import dev.firebreak.engine.runbook.RunbookException;
import dev.firebreak.engine.runbook.RunbookLoader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a playbook: a runbook file (every runbook field, read by {@link RunbookLoader}) with a {@code healing} block:
 *
 * <pre>
 * healing:
 *   category: restart
 *   trigger: {faultKinds: ["resource exhaustion: memory"], componentKinds: [service], strategies: [reactive],
 *             health: critical}   # optional: the blamed component at least this unwell; faultKinds [any] then allowed
 *   confidence: 0.8          # optional: the cause's confidence needed (default: the configured threshold)
 *   scope: instance          # instance | service | dependents | tier | region
 *   mode: approval           # optional: stricter than the environment's mode
 *   priority: 10             # optional
 *   lasting: true            # optional: its change stays until a person undoes it (default: a step has a rollback)
 *   verify: {hold: 30s, timeout: 5m, worseFor: 30s, settle: 60s, neighbours: true, checks: true,
 *            addsCapacity: false}  # true: CPU, memory and disk count as back under their saturation line
 * </pre>
 *
 * <p>Strategies (reactive when none is given): {@code reactive} once something in the incident has failed,
 * {@code proactive} while its components are only anomalous, {@code predictive} on a forecast crossing.
 *
 * Errors name file, line and field; nothing is half-loaded.
 */
public final class PlaybookLoader {

    public static final String HEALING = "healing";
    private static final List<String> HEALING_FIELDS = List.of("category", "trigger", "confidence", "scope", "mode",
            "priority", "verify", "lasting");

    private final YamlNodes<PlaybookException> yaml;

    private PlaybookLoader(String source) {
        this.yaml = new YamlNodes<>(source, PlaybookException::new);
    }

    public static Playbook load(Path file) throws PlaybookException {
        String name = file.getFileName().toString();
        try {
            long size = Files.size(file);
            if (size > RunbookLoader.MAX_FILE_BYTES) {
                throw new PlaybookException(name, 0, "", "file is " + size + " bytes; the limit is "
                        + RunbookLoader.MAX_FILE_BYTES);
            }
            return parse(name, Files.readString(file, StandardCharsets.UTF_8),
                    Optional.ofNullable(file.toAbsolutePath().getParent()));
        } catch (IOException e) {
            throw new PlaybookException(file.toString(), 0, "", "cannot read: " + e.getMessage());
        }
    }

    public static Playbook parse(String sourceName, String text, Optional<Path> directory) throws PlaybookException {
        Runbook runbook;
        try {
            runbook = RunbookLoader.parse(sourceName, text, directory, List.of(HEALING));
        } catch (RunbookException e) {
            throw new PlaybookException(e.sourceName(), e.line(), e.field(), e.problem());
        }
        if (runbook.kind() == Runbook.Kind.TEMPLATE) {
            throw new PlaybookException(sourceName, 0, "kind", "a template cannot be a playbook");
        }
        return new PlaybookLoader(sourceName).healing(text, runbook);
    }

    private Playbook healing(String text, Runbook runbook) throws PlaybookException {
        Node root = yaml.root(new StringReader(text));
        List<String> allowed = new ArrayList<>(RunbookLoader.RUNBOOK_FIELDS);
        allowed.add(HEALING);
        Map<String, Node> top = yaml.fields(root, "", allowed);
        Node block = yaml.required(top, HEALING, root, "");
        Map<String, Node> f = yaml.fields(block, HEALING, HEALING_FIELDS);
        String category = yaml.text(yaml.required(f, "category", block, HEALING), HEALING + ".category");
        Node triggerNode = yaml.required(f, "trigger", block, HEALING);
        List<Playbook.Trigger> triggers = new ArrayList<>();
        if (triggerNode instanceof SequenceNode) {
            // several triggers: the playbook answers what any of them answers
            List<Node> each = yaml.list(triggerNode, HEALING + ".trigger");
            if (each.isEmpty()) {
                throw yaml.error(triggerNode, HEALING + ".trigger", "a list of triggers needs at least one");
            }
            for (int i = 0; i < each.size(); i++) {
                triggers.add(trigger(each.get(i), HEALING + ".trigger[" + i + "]"));
            }
        } else {
            triggers.add(trigger(triggerNode, HEALING + ".trigger"));
        }
        Optional<Double> confidence = Optional.empty();
        if (f.containsKey("confidence")) {
            confidence = Optional.of(number(f.get("confidence"), HEALING + ".confidence"));
        }
        ActionScope scope;
        Node scopeNode = yaml.required(f, "scope", block, HEALING);
        try {
            scope = ActionScope.parse(yaml.text(scopeNode, HEALING + ".scope"));
        } catch (IllegalArgumentException e) {
            throw yaml.error(scopeNode, HEALING + ".scope", e.getMessage());
        }
        Optional<HealingMode> mode = Optional.empty();
        if (f.containsKey("mode")) {
            try {
                mode = Optional.of(HealingMode.parse(yaml.text(f.get("mode"), HEALING + ".mode")));
            } catch (IllegalArgumentException e) {
                throw yaml.error(f.get("mode"), HEALING + ".mode", e.getMessage());
            }
        }
        int priority = f.containsKey("priority") ? yaml.integer(f.get("priority"), HEALING + ".priority") : 0;
        Playbook.Verification verification = Playbook.Verification.DEFAULT;
        if (f.containsKey("verify")) {
            verification = verification(f.get("verify"));
        }
        // a step with a rollback changes something that stays; a failover stays too, though nothing undoes it here
        boolean lasting = f.containsKey("lasting") ? yaml.bool(f.get("lasting"), HEALING + ".lasting")
                : Playbook.hasRollback(runbook);
        Optional<Double> finalConfidence = confidence;
        Optional<HealingMode> finalMode = mode;
        Playbook.Verification finalVerification = verification;
        return yaml.build(block, HEALING, () -> new Playbook(runbook, category, triggers, finalConfidence, scope, finalMode,
                finalVerification, priority, lasting));
    }

    private Playbook.Trigger trigger(Node node, String path) throws PlaybookException {
        Map<String, Node> t = yaml.fields(node, path, List.of("faultKinds", "componentKinds", "strategies", "health"));
        List<String> faultKinds = yaml.texts(yaml.required(t, "faultKinds", node, path), path + ".faultKinds");
        List<String> componentKinds = t.containsKey("componentKinds")
                ? yaml.texts(t.get("componentKinds"), path + ".componentKinds") : List.of();
        Set<Strategy> strategies = EnumSet.noneOf(Strategy.class);
        if (t.containsKey("strategies")) {
            for (String name : yaml.texts(t.get("strategies"), path + ".strategies")) {
                try {
                    strategies.add(Strategy.valueOf(name.strip().toUpperCase(java.util.Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw yaml.error(t.get("strategies"), path + ".strategies", "unknown strategy '" + name
                            + "'; strategies: reactive, proactive, predictive");
                }
            }
        } else {
            strategies.add(Strategy.REACTIVE);
        }
        Optional<HealthState> health = Optional.empty();
        if (t.containsKey("health")) {
            String value = yaml.text(t.get("health"), path + ".health");
            try {
                health = Optional.of(HealthState.valueOf(value.strip().toUpperCase(java.util.Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw yaml.error(t.get("health"), path + ".health", "unknown health '" + value
                        + "'; states: recovering, degraded, critical, failed");
            }
        }
        Optional<HealthState> condition = health;
        return yaml.build(node, path, () -> new Playbook.Trigger(faultKinds, componentKinds, strategies, condition));
    }

    private Playbook.Verification verification(Node node) throws PlaybookException {
        String path = HEALING + ".verify";
        Map<String, Node> v = yaml.fields(node, path, List.of("hold", "timeout", "worseFor", "settle", "neighbours",
                "checks", "addsCapacity"));
        Playbook.Verification d = Playbook.Verification.DEFAULT;
        Duration hold = v.containsKey("hold") ? yaml.duration(v.get("hold"), path + ".hold") : d.hold();
        Duration timeout = v.containsKey("timeout") ? yaml.duration(v.get("timeout"), path + ".timeout") : d.timeout();
        Duration worseFor = v.containsKey("worseFor") ? yaml.duration(v.get("worseFor"), path + ".worseFor") : d.worseFor();
        Duration settle = v.containsKey("settle") ? yaml.duration(v.get("settle"), path + ".settle") : d.settle();
        boolean neighbours = v.containsKey("neighbours") ? yaml.bool(v.get("neighbours"), path + ".neighbours") : d.neighbours();
        boolean checks = v.containsKey("checks") ? yaml.bool(v.get("checks"), path + ".checks") : d.checks();
        boolean addsCapacity = v.containsKey("addsCapacity") ? yaml.bool(v.get("addsCapacity"), path + ".addsCapacity")
                : d.addsCapacity();
        return yaml.build(node, path, () -> new Playbook.Verification(hold, timeout, worseFor, settle, neighbours,
                checks, addsCapacity));
    }

    private double number(Node node, String path) throws PlaybookException {
        String text = yaml.text(node, path);
        try {
            double value = Double.parseDouble(text);
            if (!Double.isFinite(value)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw yaml.error(node, path, "'" + text + "' is not a number");
        }
    }

    /** Keeps the list of loaded playbooks and the files that could not be loaded apart. */
    static List<Playbook> loadAll(List<Path> files, List<PlaybookException> problems) {
        List<Playbook> loaded = new ArrayList<>();
        for (Path file : files) {
            try {
                loaded.add(load(file));
            } catch (PlaybookException e) {
                problems.add(e);
            }
        }
        return loaded;
    }
}
