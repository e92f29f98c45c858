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
 * @param nodes        node ids, unique
 * @param calls        caller to callee, both among {@code nodes}, no self-calls, no duplicates
 * @param observedOnly nodes with no telemetry of their own (an uninstrumented remote endpoint, a third-party API):
 *                     what is known of them is their callers' measurement of the calls, network and front ends
 *                     included; a subset of {@code nodes}
 */
public record CallGraph(List<String> nodes, List<Call> calls, Set<String> observedOnly) {

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
        observedOnly = Set.copyOf(observedOnly);
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
        for (String node : observedOnly) {
            if (!known.contains(node)) {
                throw new IllegalArgumentException("observed-only node '" + node + "' is not in the graph");
            }
        }
    }

    /** A graph whose every node reports its own telemetry. */
    public CallGraph(List<String> nodes, List<Call> calls) {
        this(nodes, calls, Set.of());
    }

    public static CallGraph empty() {
        return new CallGraph(List.of(), List.of(), Set.of());
    }

    public boolean contains(String node) {
        return nodes.contains(node);
    }
}
