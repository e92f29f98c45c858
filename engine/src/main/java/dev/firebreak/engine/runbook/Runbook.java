package dev.firebreak.engine.runbook;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A runbook as code: metadata to find it by (tags, the alert names and fault kinds it answers, the component kinds it
 * acts on), its parameters, the preconditions that must hold before it starts, and its steps in order.
 * {@code directory} is where SCRIPT steps find their scripts; {@code source} is the YAML text it was read from.
 */
public record Runbook(String id, String title, String description, String owner, Kind kind, List<String> tags,
        List<String> alerts, List<String> faultKinds, List<String> componentKinds, List<String> environments,
        List<RunbookParameter> parameters, List<Condition> preconditions, List<RunbookStep> steps,
        Optional<Path> directory, String source) {

    /** ai-sre-runbook-system.md's storage kinds. */
    public enum Kind {
        /** Written by people, reviewed, shipped. */
        STATIC,
        /** Drafted from a resolved incident's actions; a person reviews and saves it. */
        DYNAMIC,
        /** A skeleton to copy; never executed as is. */
        TEMPLATE
    }

    public Runbook {
        Objects.requireNonNull(id, "id");
        if (!id.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("runbook id '" + id + "' must be lower-case letters, digits and -");
        }
        Objects.requireNonNull(title, "title");
        description = description == null ? "" : description;
        owner = owner == null ? "" : owner;
        Objects.requireNonNull(kind, "kind");
        tags = List.copyOf(tags);
        alerts = List.copyOf(alerts);
        faultKinds = List.copyOf(faultKinds);
        componentKinds = List.copyOf(componentKinds);
        environments = List.copyOf(environments);
        parameters = List.copyOf(parameters);
        preconditions = List.copyOf(preconditions);
        steps = List.copyOf(steps);
        Objects.requireNonNull(directory, "directory");
        source = source == null ? "" : source;
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a runbook needs at least one step");
        }
        Set<String> names = new HashSet<>();
        for (RunbookParameter parameter : parameters) {
            if (!names.add(parameter.name())) {
                throw new IllegalArgumentException("parameter '" + parameter.name() + "' given twice");
            }
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            if (index.put(steps.get(i).id(), i) != null) {
                throw new IllegalArgumentException("step id '" + steps.get(i).id() + "' given twice");
            }
        }
        for (int i = 0; i < steps.size(); i++) {
            RunbookStep step = steps.get(i);
            for (Optional<String> target : List.of(step.onTrue(), step.onFalse())) {
                if (target.isPresent()) {
                    Integer at = index.get(target.get());
                    // Forward jumps only: a runbook always ends, and a step never runs twice unasked.
                    if (at == null || at <= i) {
                        throw new IllegalArgumentException("step '" + step.id() + "' jumps to '" + target.get()
                                + "', which is not a later step");
                    }
                }
            }
            for (String undone : step.undo()) {
                Integer at = index.get(undone);
                if (at == null || at >= i) {
                    throw new IllegalArgumentException("step '" + step.id() + "' undoes '" + undone + "', which is not an earlier step");
                }
            }
        }
    }

    public Optional<RunbookStep> step(String stepId) {
        return steps.stream().filter(step -> step.id().equals(stepId)).findFirst();
    }

    public int indexOf(String stepId) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).id().equals(stepId)) {
                return i;
            }
        }
        return -1;
    }
}
