package dev.firebreak.engine.rca;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Who calls whom: the nodes an analysis may blame and the calls along which faults travel (a callee's
 * failure shows in its callers). Any system fits: the simulator's topology, PetShop's adjacency matrix.
 *
 * @param nodes node ids, unique
 * @param calls caller to callee, both among {@code nodes}, no self-calls, no duplicates
 */
public record CallGraph(List<String> nodes, List<Call> calls) {

    /** The caller sends requests to the callee. */
    public record Call(String caller, String callee) {
        public Call {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(callee, "callee");
            if (caller.equals(callee)) {
                throw new IllegalArgumentException("a node cannot call itself: " + caller);
            }
        }
    }

    public CallGraph {
        nodes = List.copyOf(nodes);
        calls = List.copyOf(calls);
        Set<String> known = new HashSet<>();
        for (String node : nodes) {
            if (node.isBlank() || !known.add(node)) {
                throw new IllegalArgumentException("node ids must be unique and not blank; '" + node + "' is not");
            }
        }
        Set<Call> seen = new LinkedHashSet<>();
        for (Call call : calls) {
            if (!known.contains(call.caller()) || !known.contains(call.callee())) {
                throw new IllegalArgumentException("call " + call.caller() + " -> " + call.callee()
                        + " names a node that is not in the graph");
            }
            if (!seen.add(call)) {
                throw new IllegalArgumentException("call " + call.caller() + " -> " + call.callee() + " is listed twice");
            }
        }
    }

    public static CallGraph empty() {
        return new CallGraph(List.of(), List.of());
    }

    public boolean contains(String node) {
        return nodes.contains(node);
    }
}
