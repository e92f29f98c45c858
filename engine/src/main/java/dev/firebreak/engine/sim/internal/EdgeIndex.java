package dev.firebreak.engine.sim.internal;

import dev.firebreak.engine.topology.Dependency;
import dev.firebreak.engine.topology.Topology;

/**
 * The topology's dependencies as flat arrays (compressed rows): the edges of component c are
 * {@code start(c) .. start(c + 1) - 1}, in {@link Topology#dependenciesOf(int)} order.
 */
public final class EdgeIndex {

    private final int components;
    private final int[] start;
    final int[] caller;
    final int[] callee;
    final double[] callsPerRequest;
    final double[] timeoutMs;
    final boolean[] required;
    private final int[] replicaOf;

    public EdgeIndex(Topology topology) {
        components = topology.size();
        start = new int[components + 1];
        int total = 0;
        for (int c = 0; c < components; c++) {
            start[c] = total;
            total += topology.calleesOf(c).length;
        }
        start[components] = total;
        caller = new int[total];
        callee = new int[total];
        callsPerRequest = new double[total];
        timeoutMs = new double[total];
        required = new boolean[total];
        for (int c = 0; c < components; c++) {
            int[] callees = topology.calleesOf(c);
            Dependency[] deps = topology.dependenciesOf(c);
            for (int k = 0; k < callees.length; k++) {
                int e = start[c] + k;
                caller[e] = c;
                callee[e] = callees[k];
                callsPerRequest[e] = deps[k].callsPerRequest();
                timeoutMs[e] = deps[k].timeout().toNanos() / 1e6;
                required[e] = deps[k].required();
            }
        }
        replicaOf = new int[components];
        for (int c = 0; c < components; c++) {
            replicaOf[c] = topology.component(c).replicaOf().map(topology::indexOf).orElse(-1);
        }
    }

    public int callerOf(int edge) {
        return caller[edge];
    }

    public int calleeOf(int edge) {
        return callee[edge];
    }

    public int components() {
        return components;
    }

    public int size() {
        return caller.length;
    }

    public int start(int component) {
        return start[component];
    }

    public int end(int component) {
        return start[component + 1];
    }

    /** The edge caller -> callee, or -1. */
    public int edge(int from, int to) {
        if (from < 0 || to < 0) {
            return -1;
        }
        for (int e = start[from]; e < start[from + 1]; e++) {
            if (callee[e] == to) {
                return e;
            }
        }
        return -1;
    }

    /** The primary a component replicates, or -1. */
    public int replicaOf(int component) {
        return replicaOf[component];
    }

    /** The first component replicating this one, or -1. */
    public int replicaFor(int primary) {
        for (int c = 0; c < components; c++) {
            if (replicaOf[c] == primary) {
                return c;
            }
        }
        return -1;
    }
}
