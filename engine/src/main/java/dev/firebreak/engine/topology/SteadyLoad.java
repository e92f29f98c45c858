package dev.firebreak.engine.topology;

import java.util.Objects;

/**
 * The request rate each component receives when traffic is steady and nothing fails.
 *
 * <p>The entry rate is split evenly over the entry points (components nobody calls); every component
 * then passes its rate times {@code callsPerRequest} to each callee, in topological order. Used to
 * size generated topologies and to check hand-written ones against their stated peak.
 */
public final class SteadyLoad {

    private final Topology topology;
    private final double[] requestsPerSecond;

    private SteadyLoad(Topology topology, double[] requestsPerSecond) {
        this.topology = topology;
        this.requestsPerSecond = requestsPerSecond;
    }

    /**
     * @param entryRequestsPerSecond total traffic entering the topology, positive
     * @throws IllegalArgumentException if the rate is not a positive number
     */
    public static SteadyLoad of(Topology topology, double entryRequestsPerSecond) {
        Objects.requireNonNull(topology, "topology");
        if (!(entryRequestsPerSecond > 0) || Double.isInfinite(entryRequestsPerSecond)) {
            throw new IllegalArgumentException("entry rate must be a positive number, was " + entryRequestsPerSecond);
        }
        double[] load = new double[topology.size()];
        int[] entries = topology.entryPoints();
        for (int entry : entries) {
            load[entry] = entryRequestsPerSecond / entries.length;
        }
        for (int caller : topology.topologicalOrder()) {
            int[] callees = topology.calleesOf(caller);
            Dependency[] outgoing = topology.dependenciesOf(caller);
            for (int i = 0; i < callees.length; i++) {
                load[callees[i]] += load[caller] * outgoing[i].callsPerRequest();
            }
        }
        return new SteadyLoad(topology, load);
    }

    /** Requests per second arriving at a component. */
    public double requestsPerSecond(int index) {
        return requestsPerSecond[index];
    }

    /** Arriving rate divided by total capacity (all replicas); 1.0 means saturated. */
    public double utilisation(int index) {
        return requestsPerSecond[index] / topology.component(index).capacity();
    }
}
