package dev.firebreak.engine.topology;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable, validated graph of components and their dependencies.
 *
 * <p>Components are numbered 0..size-1 in declaration order; the simulator and the health map work on
 * those indices (arrays, not maps) because they touch every component on every tick. The constructor
 * rejects duplicate ids, dangling dependencies and dependency cycles, so a Topology that exists is
 * always usable.
 */
public final class Topology {

    private final String name;
    private final List<Component> components;
    private final List<Dependency> dependencies;
    private final Map<String, Integer> indexById;
    private final int[][] callees;
    private final int[][] callers;
    private final Dependency[][] outgoing;
    private final int[] topologicalOrder;

    public Topology(String name, List<Component> components, List<Dependency> dependencies) {
        this.name = Objects.requireNonNull(name, "name");
        this.components = List.copyOf(components);
        this.dependencies = List.copyOf(dependencies);
        this.indexById = new HashMap<>();
        for (int i = 0; i < this.components.size(); i++) {
            Component c = this.components.get(i);
            if (indexById.putIfAbsent(c.id(), i) != null) {
                throw new IllegalArgumentException("duplicate component id '" + c.id() + "'");
            }
        }
        for (Component c : this.components) {
            c.replicaOf().ifPresent(primary -> {
                if (!indexById.containsKey(primary)) {
                    throw new IllegalArgumentException("component '" + c.id() + "' is a replica of unknown component '" + primary + "'");
                }
            });
        }
        List<List<Dependency>> out = new ArrayList<>();
        List<List<Integer>> in = new ArrayList<>();
        for (int i = 0; i < this.components.size(); i++) {
            out.add(new ArrayList<>());
            in.add(new ArrayList<>());
        }
        for (Dependency d : this.dependencies) {
            int caller = requireIndex(d.callerId(), "caller");
            int callee = requireIndex(d.calleeId(), "callee");
            for (Dependency existing : out.get(caller)) {
                if (existing.calleeId().equals(d.calleeId())) {
                    throw new IllegalArgumentException("duplicate dependency " + d.callerId() + " -> " + d.calleeId());
                }
            }
            out.get(caller).add(d);
            in.get(callee).add(caller);
        }
        int n = this.components.size();
        this.outgoing = new Dependency[n][];
        this.callees = new int[n][];
        this.callers = new int[n][];
        for (int i = 0; i < n; i++) {
            outgoing[i] = out.get(i).toArray(Dependency[]::new);
            callees[i] = out.get(i).stream().mapToInt(d -> indexById.get(d.calleeId())).toArray();
            callers[i] = in.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
        this.topologicalOrder = topologicalOrderOrThrow();
    }

    private int requireIndex(String id, String role) {
        Integer index = indexById.get(id);
        if (index == null) {
            throw new IllegalArgumentException("dependency " + role + " '" + id + "' is not a component");
        }
        return index;
    }

    /** Kahn's algorithm; what is left over sits on a cycle, which we name. */
    private int[] topologicalOrderOrThrow() {
        int n = components.size();
        int[] remainingCallers = new int[n];
        for (int i = 0; i < n; i++) {
            remainingCallers[i] = callers[i].length;
        }
        int[] order = new int[n];
        int head = 0;
        int tail = 0;
        for (int i = 0; i < n; i++) {
            if (remainingCallers[i] == 0) {
                order[tail++] = i;
            }
        }
        while (head < tail) {
            int current = order[head++];
            for (int callee : callees[current]) {
                if (--remainingCallers[callee] == 0) {
                    order[tail++] = callee;
                }
            }
        }
        if (tail < n) {
            List<String> onCycle = new ArrayList<>();
            for (int i = 0; i < n && onCycle.size() < 10; i++) {
                if (remainingCallers[i] > 0) {
                    onCycle.add(components.get(i).id());
                }
            }
            throw new IllegalArgumentException("dependency cycle through " + String.join(", ", onCycle));
        }
        return order;
    }

    public String name() {
        return name;
    }

    public int size() {
        return components.size();
    }

    public List<Component> components() {
        return components;
    }

    public List<Dependency> dependencies() {
        return dependencies;
    }

    public Component component(int index) {
        return components.get(index);
    }

    public Optional<Component> find(String id) {
        Integer index = indexById.get(id);
        return index == null ? Optional.empty() : Optional.of(components.get(index));
    }

    /** The index of a component id, or -1 if there is none. */
    public int indexOf(String id) {
        Integer index = indexById.get(id);
        return index == null ? -1 : index;
    }

    /** Indices of the components this one calls; do not modify the array. */
    public int[] calleesOf(int index) {
        return callees[index];
    }

    /** Indices of the components that call this one; do not modify the array. */
    public int[] callersOf(int index) {
        return callers[index];
    }

    /** Outgoing dependencies of a component, in the same order as {@link #calleesOf(int)}. */
    public Dependency[] dependenciesOf(int index) {
        return outgoing[index];
    }

    /** Every component after all of its callers: the order load flows in. Do not modify the array. */
    public int[] topologicalOrder() {
        return topologicalOrder;
    }

    /** Components nobody calls: where traffic enters. */
    public int[] entryPoints() {
        return java.util.stream.IntStream.range(0, size()).filter(i -> callers[i].length == 0).toArray();
    }

    @Override
    public String toString() {
        return "Topology[" + name + ", " + size() + " components, " + dependencies.size() + " dependencies]";
    }
}
