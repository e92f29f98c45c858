package dev.firebreak.engine.topology;

import java.util.Arrays;
import java.util.Objects;

/**
 * The request rate each component receives when traffic is steady and nothing fails, as the simulator
 * distributes it.
 *
 * <p>The entry rate is split over the entry points (components nobody calls) in proportion to their
 * capacity; every component then passes its rate times {@code callsPerRequest} to each callee, in
 * topological order, except that a cache passes on only its misses ({@link #CACHE_HIT_RATIO} of reads
 * hit) and a database replica also applies {@link #REPLICA_WRITE_FRACTION} of its primary's traffic.
 * The simulator uses these same constants, so sizing a topology from this load sizes it for the load
 * it will really see. Used to size generated topologies and to check hand-written ones against their
 * stated peak.
 */
public final class SteadyLoad {

    /** Share of a warm cache's requests it answers itself; only the rest reach what is behind it. */
    public static final double CACHE_HIT_RATIO = 0.9;
    /** Share of a primary's requests that are writes, which each of its replicas applies too. */
    public static final double REPLICA_WRITE_FRACTION = 0.3;

    private static final int MAX_PASSES = 32;

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
        int n = topology.size();
        int[] primaryOf = new int[n];
        boolean replicated = false;
        for (int c = 0; c < n; c++) {
            primaryOf[c] = topology.component(c).replicaOf().map(topology::indexOf).orElse(-1);
            replicated |= primaryOf[c] >= 0;
        }
        double[] load = new double[n];
        double[] previous = new double[n];
        // Replication is not a call, so a primary may come after its replica in the topological order:
        // repeat until the replicas' write load has settled (one extra pass per level of replication).
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            flow(topology, entryRequestsPerSecond, primaryOf, previous, load);
            if (!replicated || converged(previous, load)) {
                break;
            }
            System.arraycopy(load, 0, previous, 0, n);
        }
        return new SteadyLoad(topology, load);
    }

    private static void flow(Topology topology, double entryRequestsPerSecond, int[] primaryOf, double[] primaryLoad,
            double[] load) {
        Arrays.fill(load, 0);
        int[] entries = topology.entryPoints();
        double entryCapacity = 0;
        for (int entry : entries) {
            entryCapacity += topology.component(entry).capacity();
        }
        for (int entry : entries) {
            load[entry] = entryRequestsPerSecond * topology.component(entry).capacity() / entryCapacity;
        }
        for (int caller : topology.topologicalOrder()) {
            if (primaryOf[caller] >= 0) {
                load[caller] += REPLICA_WRITE_FRACTION * primaryLoad[primaryOf[caller]];
            }
            double passedOn = topology.component(caller).kind() == ComponentKind.CACHE
                    ? load[caller] * (1 - CACHE_HIT_RATIO) : load[caller];
            int[] callees = topology.calleesOf(caller);
            Dependency[] outgoing = topology.dependenciesOf(caller);
            for (int i = 0; i < callees.length; i++) {
                load[callees[i]] += passedOn * outgoing[i].callsPerRequest();
            }
        }
    }

    private static boolean converged(double[] previous, double[] load) {
        for (int i = 0; i < load.length; i++) {
            if (Math.abs(load[i] - previous[i]) > 1e-9 * Math.max(1, load[i])) {
                return false;
            }
        }
        return true;
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
