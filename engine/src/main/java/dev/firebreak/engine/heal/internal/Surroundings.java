package dev.firebreak.engine.heal.internal;

import dev.firebreak.engine.heal.ActionScope;
import dev.firebreak.engine.rca.Cause;
import dev.firebreak.engine.topology.Component;
import dev.firebreak.engine.topology.ComponentKind;
import dev.firebreak.engine.topology.Dependency;
import dev.firebreak.engine.topology.Topology;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The blamed component among its neighbours in the topology: what healing fills a playbook's parameters with, which
 * components verification judges, and which neighbours must stay quiet while an action runs.
 */
public final class Surroundings {

    private final Topology topology;
    private final Component blamed;
    private final List<String> incidentComponents;
    private final Optional<String> callerOnPath;

    /**
     * @param blamedId           a component of the topology
     * @param incidentComponents the incident's components (the blamed one alone for a prediction)
     * @param callerOnPath       the caller through which the symptom reached the blamed component, if root cause said
     */
    public Surroundings(Topology topology, String blamedId, List<String> incidentComponents,
            Optional<String> callerOnPath) {
        int index = topology.indexOf(blamedId);
        if (index < 0) {
            throw new IllegalArgumentException("no component '" + blamedId + "' in the topology");
        }
        this.topology = topology;
        this.blamed = topology.component(index);
        this.incidentComponents = List.copyOf(incidentComponents);
        this.callerOnPath = callerOnPath;
    }

    /** The last step of root cause's call path: the caller whose calls a playbook on the dependency acts on. */
    public static Optional<String> callerOnPath(Cause cause) {
        List<String> path = cause.path();
        return path.size() < 2 ? Optional.empty() : Optional.of(path.get(path.size() - 2));
    }

    public Component blamed() {
        return blamed;
    }

    /** The value healing knows for a playbook parameter of this name; empty for one it does not know or cannot fill. */
    public Optional<String> parameter(String name) {
        return switch (name) {
            case "service", "component" -> Optional.of(blamed.id());
            case "caller" -> caller();
            case "callRequired" -> caller().flatMap(from -> dependency(from, blamed.id()))
                    .map(call -> String.valueOf(call.required()));
            case "replicas" -> Optional.of(String.valueOf(Math.min(1000, blamed.replicas() * 2)));
            case "currentReplicas" -> Optional.of(String.valueOf(blamed.replicas()));
            case "alternative" -> alternative();
            case "workload" -> Optional.of(keepsData(blamed.kind()) ? "statefulset" : "deployment");
            case "replica" -> replica();
            default -> Optional.empty();
        };
    }

    /** The caller on root cause's path if it calls the blamed component; else its first caller in the incident, or any. */
    public Optional<String> caller() {
        if (callerOnPath.flatMap(from -> dependency(from, blamed.id())).isPresent()) {
            return callerOnPath;
        }
        int[] callers = topology.callersOf(topology.indexOf(blamed.id()));
        Optional<String> inIncident = Arrays.stream(callers).mapToObj(i -> topology.component(i).id())
                .filter(incidentComponents::contains).findFirst();
        return inIncident.isPresent() ? inIncident
                : Arrays.stream(callers).mapToObj(i -> topology.component(i).id()).findFirst();
    }

    /**
     * Judged by verification: the symptom's component, and the blamed one unless the playbook works around it (fails
     * over, reroutes, breaks the circuit to it), when its caller is judged instead.
     */
    public List<String> watched(ActionScope scope, String symptom) {
        Set<String> watched = new LinkedHashSet<>();
        String cause = blamed.id();
        if (!symptom.isEmpty() && topology.indexOf(symptom) >= 0) {
            watched.add(symptom);
        }
        if (scope != ActionScope.DEPENDENTS) {
            watched.add(cause);
        } else if (watched.isEmpty() || watched.contains(cause)) {
            watched.remove(cause);
            caller().ifPresent(watched::add);
        }
        if (watched.isEmpty()) {
            watched.add(cause);
        }
        return List.copyOf(watched);
    }

    /** Callers and callees of the blamed component that were not part of the incident when the action started. */
    public Set<String> neighbours() {
        int index = topology.indexOf(blamed.id());
        Set<String> result = new LinkedHashSet<>();
        for (int i : topology.callersOf(index)) {
            result.add(topology.component(i).id());
        }
        for (int i : topology.calleesOf(index)) {
            result.add(topology.component(i).id());
        }
        result.removeAll(incidentComponents);
        result.remove(blamed.id());
        return result;
    }

    /** Kinds whose pods keep data of their own, so a cluster runs them as a StatefulSet rather than a Deployment. */
    private static boolean keepsData(ComponentKind kind) {
        return switch (kind) {
            case DATABASE, CACHE, QUEUE, SEARCH_INDEX, OBJECT_STORE -> true;
            default -> false;
        };
    }

    private Optional<Dependency> dependency(String caller, String callee) {
        for (Dependency call : topology.dependenciesOf(topology.indexOf(caller))) {
            if (call.calleeId().equals(callee)) {
                return Optional.of(call);
            }
        }
        return Optional.empty();
    }

    private Optional<String> replica() {
        return topology.components().stream().filter(other -> other.replicaOf().equals(Optional.of(blamed.id())))
                .map(Component::id).findFirst();
    }

    /**
     * Where the blamed component's traffic can go instead: its replica, or the primary it replicates; for a component
     * that keeps no data, another of its kind in its tier. Another store of the same kind holds other data, so a store
     * without a replica has no alternative.
     */
    private Optional<String> alternative() {
        Optional<String> replica = replica();
        if (replica.isPresent()) {
            return replica;
        }
        if (blamed.replicaOf().isPresent()) {
            return blamed.replicaOf();
        }
        if (keepsData(blamed.kind())) {
            return Optional.empty();
        }
        return topology.components().stream().filter(other -> !other.id().equals(blamed.id())
                && other.kind() == blamed.kind() && other.tier() == blamed.tier()).map(Component::id).findFirst();
    }
}
