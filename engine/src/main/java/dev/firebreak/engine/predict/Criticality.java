package dev.firebreak.engine.predict;

import dev.firebreak.engine.topology.Topology;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Objects;

/**
 * How much of the system depends on each component, from the topology alone, in [0, 1]: the mean of
 * (a) the share of other components that call it directly or transitively and (b) the share of entry
 * points whose requests can reach it. A database behind every service scores near 1; a leaf that one
 * service calls optionally scores low. Immutable once computed.
 */
public final class Criticality {

    private final Topology topology;
    private final double[] score;

    private Criticality(Topology topology, double[] score) {
        this.topology = topology;
        this.score = score;
    }

    public static Criticality of(Topology topology) {
        Objects.requireNonNull(topology, "topology");
        int n = topology.size();
        int[] entries = topology.entryPoints();
        double[] score = new double[n];
        boolean[] seen = new boolean[n];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int c = 0; c < n; c++) {
            Arrays.fill(seen, false);
            seen[c] = true;
            queue.add(c);
            int dependents = 0;
            while (!queue.isEmpty()) {
                for (int caller : topology.callersOf(queue.poll())) {
                    if (!seen[caller]) {
                        seen[caller] = true;
                        dependents++;
                        queue.add(caller);
                    }
                }
            }
            int entriesReaching = 0;
            for (int e : entries) {
                if (seen[e]) {
                    entriesReaching++;
                }
            }
            double dependentShare = n <= 1 ? 0 : dependents / (double) (n - 1);
            double entryShare = entries.length == 0 ? 0 : entriesReaching / (double) entries.length;
            score[c] = (dependentShare + entryShare) / 2;
        }
        return new Criticality(topology, score);
    }

    public double of(int componentIndex) {
        return score[componentIndex];
    }

    /** The criticality of a component, or 0 for an id the topology does not know. */
    public double of(String componentId) {
        int index = topology.indexOf(componentId);
        return index < 0 ? 0 : score[index];
    }
}
